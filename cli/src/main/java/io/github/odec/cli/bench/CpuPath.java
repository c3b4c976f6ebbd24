package io.github.odec.cli.bench;

import io.github.odec.compile.CompiledSystem;
import io.github.odec.runtime.spi.SolverFactory;

/** A way to run the CPU backend that a bench row times; each gives the same results bit for bit. */
public enum CpuPath {
    /** The scalar loop alone ({@code --scalar}). */
    SCALAR(""),
    /** The default: scalar and lanes raced piece by piece, the faster solving. */
    RACED(" raced"),
    /** Vector API lanes alone ({@code --simd}). */
    LANES(" simd");

    private final String suffix;

    CpuPath(String suffix) {
        this.suffix = suffix;
    }

    SolverFactory factory(CompiledSystem system) {
        return switch (this) {
            case SCALAR -> system;
            case RACED -> system.racing();
            case LANES -> system.simd();
        };
    }

    /** What the row's name gets after the method and precision. */
    String suffix() {
        return suffix;
    }
}
