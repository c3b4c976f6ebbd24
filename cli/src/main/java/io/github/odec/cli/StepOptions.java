package io.github.odec.cli;

import io.github.odec.pipeline.MethodLookup;
import io.github.odec.model.OdeModel;
import io.github.odec.model.Method;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The method and how it steps, shared by {@code solve} and {@code bench}. */
final class StepOptions {

    @Mixin
    MethodOptions method;

    @Option(names = "--dt0", paramLabel = "DT", description = "Initial step (fixed: the step); default: Hairer's initial step.")
    Double dt0;

    @Option(names = "--dt-min", paramLabel = "DT", description = "Smallest step the controller may take.")
    Double dtMin;

    @Option(names = "--dt-max", paramLabel = "DT", description = "Largest step.")
    Double dtMax;

    @Option(names = "--max-steps", paramLabel = "N", description = "Attempted steps per instance before REACHED_MAX_STEPS (default 100000).")
    Integer maxSteps;

    /**
     * The defaults with these options applied, checked against the model: the method must exist, and
     * an adaptive controller needs a method with an embedded error estimate.
     */
    SolverOptions resolve(OdeModel model) {
        SolverOptions o = SolverOptions.defaults()
                .withMethod(method.method())
                .withController(method.controllerKind());
        if (dt0 != null) o = o.withDt0(dt0);
        if (dtMin != null) o = o.withDtMin(dtMin);
        if (dtMax != null) o = o.withDtMax(dtMax);
        if (maxSteps != null) o = o.withMaxSteps(maxSteps);
        Method chosen = MethodLookup.method(model, o.method().name());
        if (o.controller() != StepControllerKind.FIXED && !chosen.adaptive()) {
            String adaptive = model.methods().stream().filter(Method::adaptive).map(Method::name)
                    .collect(Collectors.joining(", "));
            throw new UserError("method '" + chosen.name() + "' has no embedded error estimate, so it cannot adapt its step; "
                    + "use --controller fixed with --dt0, or an adaptive method (" + adaptive + ")");
        }
        return o;
    }
}
