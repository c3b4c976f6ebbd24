package io.github.odec.lower;

import io.github.odec.model.ExplicitRungeKutta;
import io.github.odec.model.Method;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * What the shared solver skeleton is composed with: the method family's stepper, the step-size
 * controller (none for FIXED steps) and the error norm. {@link #standard} is the one composition
 * the compiler uses; the {@code with} methods swap one seam (tests drive toy implementations
 * end to end through them). Seams hold no per-solve state, so one composition serves any number of
 * lowerings (both layouts, for instance).
 */
record SolverSeams(StepperFactory stepper, Optional<StepController> controller, ErrorNorm norm) {

    /** A stepper for one lowering: it emits f through {@code dynamics} in the layout of {@code components}. */
    @FunctionalInterface
    interface StepperFactory {
        Stepper<?> create(DynamicsLowering dynamics, Components components);
    }

    SolverSeams {
        Objects.requireNonNull(stepper);
        Objects.requireNonNull(controller);
        Objects.requireNonNull(norm);
    }

    /**
     * The method's stepper, the spec's PID-family controller on the method's error order, the RMS norm.
     * An adaptive spec needs an adaptive method: {@code pipeline.Pipeline#lower} checks that, once, for every
     * caller outside this package.
     */
    static SolverSeams standard(Method method, SolverSpec spec) {
        boolean adaptive = spec.controller() != StepControllerKind.FIXED;
        StepperFactory stepper = switch (method) {
            case ExplicitRungeKutta erk ->
                (dynamics, components) -> new ExplicitRungeKuttaStepper(erk.tableau(), dynamics, components);
            case io.github.odec.model.Rosenbrock rosenbrock ->
                throw new IllegalArgumentException("no Rosenbrock stepper yet: " + rosenbrock.name());
        };
        Optional<StepController> controller = adaptive
                ? Optional.of(new PidController(spec.controller(), SolverLowering.errorOrder(method, spec.controller())))
                : Optional.empty();
        return new SolverSeams(stepper, controller, new RmsNorm());
    }

    SolverSeams withStepper(StepperFactory stepper) {
        return new SolverSeams(stepper, controller, norm);
    }

    /** An adaptive solve under {@code controller} (it also replaces FIXED). */
    SolverSeams withController(StepController controller) {
        return new SolverSeams(stepper, Optional.of(controller), norm);
    }

    SolverSeams withNorm(ErrorNorm norm) {
        return new SolverSeams(stepper, controller, norm);
    }
}
