package io.github.odec.cli;

import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import picocli.CommandLine.Option;

/** The method and its step controller: what {@code solve}, {@code bench} and {@code compile} specialise a solver to. */
final class MethodOptions {

    @Option(names = "--method", paramLabel = "M", defaultValue = SolverOptions.DEFAULT_METHOD,
            completionCandidates = OptionValues.Methods.class,
            description = "Tableau name (default ${DEFAULT-VALUE}; see odec methods).")
    String method;

    @Option(names = "--controller", paramLabel = "C", defaultValue = "integral",
            completionCandidates = OptionValues.Controllers.class,
            description = "integral, pi, pid or fixed (default ${DEFAULT-VALUE}).")
    String controller;

    StepControllerKind controllerKind() {
        return EnumChoice.parse("--controller", controller, StepControllerKind.class);
    }
}
