package io.github.odec.cli;

import io.github.odec.compile.CompiledSystem;

/** {@code --simd} runs generated Vector API code, which needs its incubator module in the JVM. */
final class VectorApiRequirement {

    private VectorApiRequirement() {}

    static void check() {
        if (!CompiledSystem.vectorApiAvailable()) {
            throw new UserError("--simd needs the Vector API: run Java with --add-modules jdk.incubator.vector "
                    + "(the ./odec launcher adds it when --simd is among its arguments)");
        }
    }
}
