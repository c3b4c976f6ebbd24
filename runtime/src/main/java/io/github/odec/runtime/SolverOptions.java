package io.github.odec.runtime;

import io.github.odec.runtime.spi.ControllerCoefficients;
import java.util.Objects;

/**
 * How to solve a batch, shared by all its instances. Immutable: start from {@link #defaults()} and
 * change fields with the withers. A wither rejects a value that is wrong on its own (a negative
 * dtMin); combinations (FIXED without dt0, dtMin above dtMax) are checked by {@link #validate()},
 * which the solver runs before solving, so withers may be applied in any order.
 *
 * @param method       the tableau, e.g. {@link Method#DOPRI5}, {@link Method#TSIT5}, or {@link Method#named} for the file's own
 * @param controller   step-size controller kind
 * @param coefficients the controller's run-time coefficients (ignored by FIXED)
 * @param precision    the floating-point type the solver computes in
 * @param dt0          initial step magnitude; 0 selects Hairer's automatic initial step (FIXED needs > 0)
 * @param dtMin        smallest adaptive step magnitude before an instance ends with REACHED_DT_MIN
 * @param dtMax        largest step magnitude
 * @param maxSteps     steps (accepted and rejected) per instance before REACHED_MAX_STEPS
 * @param threads      CPU threads, the calling thread included
 */
public record SolverOptions(Method method, StepControllerKind controller, ControllerCoefficients coefficients,
                            Precision precision, double dt0, double dtMin, double dtMax, int maxSteps,
                            int threads) {

    public static final Method DEFAULT_METHOD = Method.DOPRI5;
    public static final int DEFAULT_MAX_STEPS = 100_000;

    public SolverOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(coefficients, "coefficients");
        Objects.requireNonNull(precision, "precision");
        if (!(dt0 >= 0) || Double.isInfinite(dt0)) {
            throw new InvalidInputException(InputProblem.of("{0} must be finite and >= 0 (0 = automatic), got " + dt0,
                    InputArgument.DT0));
        }
        if (!(dtMin >= 0) || Double.isInfinite(dtMin)) {
            throw new InvalidInputException(InputProblem.of("{0} must be finite and >= 0, got " + dtMin, InputArgument.DT_MIN));
        }
        if (!(dtMax > 0)) {
            throw new InvalidInputException(InputProblem.of("{0} must be > 0 (+Infinity = no limit), got " + dtMax,
                    InputArgument.DT_MAX));
        }
        if (maxSteps < 1) {
            throw new InvalidInputException(InputProblem.of("{0} must be >= 1, got " + maxSteps, InputArgument.MAX_STEPS));
        }
        if (threads < 1) {
            throw new InvalidInputException(InputProblem.of("{0} must be >= 1, got " + threads, InputArgument.THREADS));
        }
    }

    /** dopri5, integral control, f64, automatic dt0, no step limits, 100 000 steps, all cores. */
    public static SolverOptions defaults() {
        return new SolverOptions(DEFAULT_METHOD, StepControllerKind.INTEGRAL, ControllerCoefficients.integral(),
                Precision.F64, 0.0, 0.0, Double.POSITIVE_INFINITY, DEFAULT_MAX_STEPS,
                Runtime.getRuntime().availableProcessors());
    }

    public SolverOptions withMethod(Method method) {
        return new SolverOptions(method, controller, coefficients, precision, dt0, dtMin, dtMax, maxSteps, threads);
    }

    /** This controller with its preset coefficients (integral, {@link ControllerCoefficients#pi()}, ...). */
    public SolverOptions withController(StepControllerKind controller) {
        return withController(controller, presetFor(controller));
    }

    public SolverOptions withController(StepControllerKind controller, ControllerCoefficients coefficients) {
        return new SolverOptions(method, controller, coefficients, precision, dt0, dtMin, dtMax, maxSteps, threads);
    }

    public SolverOptions withPrecision(Precision precision) {
        return new SolverOptions(method, controller, coefficients, precision, dt0, dtMin, dtMax, maxSteps, threads);
    }

    public SolverOptions withDt0(double dt0) {
        return new SolverOptions(method, controller, coefficients, precision, dt0, dtMin, dtMax, maxSteps, threads);
    }

    public SolverOptions withDtMin(double dtMin) {
        return new SolverOptions(method, controller, coefficients, precision, dt0, dtMin, dtMax, maxSteps, threads);
    }

    public SolverOptions withDtMax(double dtMax) {
        return new SolverOptions(method, controller, coefficients, precision, dt0, dtMin, dtMax, maxSteps, threads);
    }

    public SolverOptions withMaxSteps(int maxSteps) {
        return new SolverOptions(method, controller, coefficients, precision, dt0, dtMin, dtMax, maxSteps, threads);
    }

    public SolverOptions withThreads(int threads) {
        return new SolverOptions(method, controller, coefficients, precision, dt0, dtMin, dtMax, maxSteps, threads);
    }

    /** The coefficients {@link #withController(StepControllerKind)} picks for a kind. */
    public static ControllerCoefficients presetFor(StepControllerKind kind) {
        return switch (kind) {
            case INTEGRAL, FIXED -> ControllerCoefficients.integral();
            case PI -> ControllerCoefficients.pi();
            case PID -> ControllerCoefficients.pid();
        };
    }

    /** Checks what no single wither can: combinations of fields. */
    public void validate() {
        InputProblemList problems = new InputProblemList();
        if (controller == StepControllerKind.FIXED && dt0 <= 0) {
            problems.add("{0} must be > 0 with the FIXED controller (it is the step), got " + dt0, InputArgument.DT0);
        }
        if (dtMin > dtMax) {
            problems.add("{0} (" + dtMin + ") must not exceed {1} (" + dtMax + ")", InputArgument.DT_MIN,
                    InputArgument.DT_MAX);
        }
        if (controller != StepControllerKind.FIXED) {
            ControllerCoefficients c = coefficients;
            // safety < 1 and factorMin < 1 make every rejected step shrink (the factor after a rejection
            // is at most safety and at least factorMin); Hairer's DOPRI5 also requires 1e-4 < SAFE < 1.
            if (!(c.safety() > 0 && c.safety() < 1) || !(c.factorMin() > 0 && c.factorMin() < 1)
                    || !(c.factorMax() >= c.factorMin())
                    || !Double.isFinite(c.factorMax()) || !Double.isFinite(c.pcoeff())
                    || !Double.isFinite(c.icoeff()) || !Double.isFinite(c.dcoeff())) {
                problems.add("{0} must be finite with 0 < safety < 1 and 0 < factorMin < 1, factorMin <= factorMax, got "
                        + c, InputArgument.CONTROLLER_COEFFICIENTS);
            }
        }
        problems.throwIfAny();
    }
}
