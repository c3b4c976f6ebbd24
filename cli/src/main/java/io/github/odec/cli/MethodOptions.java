package io.github.odec.cli;

import io.github.odec.runtime.Method;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import picocli.CommandLine.Option;

/** The method and its step controller: what {@code solve}, {@code bench} and {@code compile} specialise a solver to. */
final class MethodOptions {

    /** A name, made a {@link Method} by {@link #method()}, so a malformed one is reported like any option's. */
    @Option(names = "--method", paramLabel = "M", completionCandidates = OptionValues.Methods.class,
            description = "Tableau name (default ${DEFAULT-VALUE}; see odec methods).")
    String name = SolverOptions.DEFAULT_METHOD.name();

    @Option(names = "--controller", paramLabel = "C", defaultValue = "integral",
            completionCandidates = OptionValues.Controllers.class,
            description = "integral, pi, pid or fixed (default ${DEFAULT-VALUE}).")
    String controller;

    /** @throws io.github.odec.runtime.InvalidInputException when the name is not a tableau name at all */
    Method method() {
        return Method.named(name);
    }

    StepControllerKind controllerKind() {
        return EnumChoice.parse("--controller", controller, StepControllerKind.class);
    }
}
