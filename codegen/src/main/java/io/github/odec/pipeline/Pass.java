package io.github.odec.pipeline;

import java.util.Optional;

/**
 * One pass of the compiler as {@link Pipeline#passes()} lists it.
 *
 * @param stage          where it runs in the flow
 * @param name           what docs/architecture.md calls it
 * @param implementation the class that does it, relative to {@code io.github.odec} (e.g. {@code lower.SolverLowering});
 *                       names, not class literals, because most passes are package-private (a test resolves every one)
 * @param inside         the class whose walk it runs within, where it is not (yet) a walk of its own: the IR
 *                       optimisations today run while lowering builds the IR, not over a finished function
 * @param job            what it does, in one line
 */
public record Pass(Stage stage, String name, String implementation, Optional<String> inside, String job) {

    static Pass of(Stage stage, String name, String implementation, String job) {
        return new Pass(stage, name, implementation, Optional.empty(), job);
    }

    static Pass inside(Stage stage, String name, String implementation, String host, String job) {
        return new Pass(stage, name, implementation, Optional.of(host), job);
    }
}
