package io.github.odec.pipeline;

import io.github.odec.emit.cuda.CudaSolverEmitter;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.cuda.CudaCompileException;
import io.github.odec.runtime.cuda.PtxCompiler;
import io.github.odec.runtime.spi.CudaKernelSource;
import io.github.odec.runtime.spi.SolverSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CUDA side of a generated project: per system, the kernel source of both output modes
 * (dense and final state only) under {@code cuda/}, and their PTX under {@code ptx/}.
 */
final class DeviceSources {

    /** PTX for this virtual architecture is JIT-compiled by the driver for any newer GPU (Ampere and later). */
    static final int PTX_MAJOR = 8;
    static final int PTX_MINOR = 0;

    private DeviceSources() {}

    static List<CudaKernelSource> kernels(OdeSystem system, io.github.odec.model.Method method, GenerateRequest request) {
        List<CudaKernelSource> kernels = new ArrayList<>();
        for (boolean dense : new boolean[] {true, false}) {
            SolverSpec spec = new SolverSpec(Method.named(method.name()), request.controller(), request.precision(), dense);
            kernels.add(CudaSolverEmitter.emit(Pipeline.lower(system, method, spec)));
        }
        return kernels;
    }

    static GeneratedFile cuda(CudaKernelSource kernel, String header) {
        return new GeneratedFile(Path.of("cuda", kernel.solverFunction() + ".cu"), "// " + header + "\n" + kernel.source());
    }

    /**
     * @throws DiagnosticException   ({@link RequestError#NO_CUDA_COMPILER}) when this machine has neither NVRTC nor nvcc
     * @throws InternalCompilerError when the CUDA compiler rejects the kernel odec printed
     */
    static GeneratedFile ptx(CudaKernelSource kernel) {
        try {
            String ptx = PtxCompiler.standard().compile(kernel, PTX_MAJOR, PTX_MINOR);
            return new GeneratedFile(Path.of("ptx", kernel.solverFunction() + ".ptx"), ptx);
        } catch (CudaUnavailableException e) {
            throw new DiagnosticException(RequestError.NO_CUDA_COMPILER, "--emit ptx needs a CUDA compiler: " + e.getMessage());
        } catch (CudaCompileException e) {
            throw new InternalCompilerError("internal error: the CUDA compiler rejected the kernel odec generated for "
                    + kernel.solverFunction() + "; please report it with the .ode file: " + e.getMessage(), e);
        }
    }
}
