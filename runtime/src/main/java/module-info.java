/**
 * What user code and generated solvers link against: the API ({@code io.github.odec.runtime}: batches,
 * options, solvers, solutions) and the SPI generated code implements ({@code io.github.odec.runtime.spi}).
 * The backends ({@code cpu}, {@code cuda}: NVRTC and nvcc bindings, the kernel ABI, the SoA packing,
 * JCuda) stay inside.
 */
module io.github.odec.runtime {
    // An automatic module: JCuda's jar declares no module name, so it is named after the jar file.
    requires jcuda;

    exports io.github.odec.runtime;
    exports io.github.odec.runtime.spi;
}
