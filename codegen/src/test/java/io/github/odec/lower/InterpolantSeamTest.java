package io.github.odec.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestBatch;
import io.github.odec.check.Frontend;
import io.github.odec.pipeline.MethodLookup;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.Method;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The interpolant as a value: y(theta) evaluated into locals with {@link Interpolant#evaluateAt} and
 * then written, instead of streamed into the output, gives the same evaluation points bit for bit,
 * and they are as accurate as the interpolant's order promises.
 */
class InterpolantSeamTest {

    private static final OdeSystem OSCILLATOR = SeamRuns.system(
            "system Oscillator { state x = 1.0; state v = 0.0; x' = v; v' = -x; }");

    /** Explicit Runge-Kutta whose interpolants are read through {@code evaluateAt}. */
    record ThroughLocals(ExplicitRungeKuttaStepper inner, Components components)
            implements Stepper<ExplicitRungeKuttaStepper.RungeKuttaTrial> {

        @Override
        public int order() {
            return inner.order();
        }

        @Override
        public ExplicitRungeKuttaStepper.RungeKuttaTrial attempt(StatementBuilder out, SolveState s, Local h) {
            return inner.attempt(out, s, h);
        }

        @Override
        public List<IrExpr> quadrature(StatementBuilder acc, SolveState s, ExplicitRungeKuttaStepper.RungeKuttaTrial trial,
                                       Integrands g) {
            return inner.quadrature(acc, s, trial, g);
        }

        @Override
        public Accepted onAccept(StatementBuilder acc, SolveState s, ExplicitRungeKuttaStepper.RungeKuttaTrial trial,
                                 Local tNew, boolean interpolate) {
            Accepted a = inner.onAccept(acc, s, trial, tNew, interpolate);
            Interpolant direct = a.interpolant().orElseThrow();
            Interpolant viaLocals = new Interpolant() {
                @Override
                public Components components() {
                    return components;
                }

                @Override
                public Evaluation evaluate(StatementBuilder out, Local theta) {
                    ComponentVector y = direct.evaluateAt(out, theta, "yTheta");
                    return (body, j) -> y.get(j);
                }
            };
            return new Accepted(a.endDerivative(), Optional.of(viaLocals));
        }
    }

    /** dopri5 and tsit5 have their own polynomials; bosh3 and rk4 get Hermite. */
    @ParameterizedTest(name = "{0} {1} {2} tol={3}")
    @CsvSource({
            "dopri5, PID, LOCALS, 1e-8, 1e-6",
            "tsit5, INTEGRAL, ARRAYS, 1e-8, 1e-6",
            "bosh3, PI, LOCALS, 1e-6, 1e-4",
            "rk4, FIXED, ARRAYS, 0, 1e-6"})
    void evaluateAtGivesTheStreamedPointsBitForBit(String method, StepControllerKind controller, StateLayout layout,
                                                    double tol, double bound) {
        Tableau tableau = MethodLookup.find(Frontend.standardTableaus(), method);
        SolverSpec spec = new SolverSpec(io.github.odec.runtime.Method.named(method), controller, Precision.F64, true);
        Method erk = Method.of(tableau);
        SolveBuffers streamed = SeamRuns.solve(OSCILLATOR, spec, layout, SolverSeams.standard(erk, spec),
                batch(controller, tol));
        SolveBuffers local = SeamRuns.solve(OSCILLATOR, spec, layout, SolverSeams.standard(erk, spec).withStepper((dynamics, components) ->
                new ThroughLocals(new ExplicitRungeKuttaStepper(tableau, dynamics, components), components)),
                batch(controller, tol));
        assertEquals(Status.SUCCESS.code(), local.status[0]);
        assertEquals(streamed.ys.length, local.ys.length);
        for (int i = 0; i < streamed.ys.length; i++) {
            TestBatch.assertBits(streamed.ys[i], local.ys[i], "ys[" + i + "]");
        }
        for (int e = 0; e < local.evalCount; e++) {
            double t = local.evalTimes[e];
            assertEquals(Math.cos(t), local.ys[2 * e], bound, "x(" + t + ")");
            assertEquals(-Math.sin(t), local.ys[2 * e + 1], bound, "v(" + t + ")");
        }
        assertTrue(local.accepted[0] < local.evalCount, "the points lie inside steps, not at their ends: "
                + local.accepted[0] + " steps");
    }

    /** x = cos t, v = -sin t on [0, 6], 300 evaluation points: several per step. */
    private static SolveBuffers batch(StepControllerKind controller, double tol) {
        SolveBuffers b = TestBatch.create(1, 2, 0, 300);
        TestBatch.set(b, 0, new double[] {1.0, 0.0}, 0.0, 6.0);
        b.atol[0] = b.rtol[0] = tol;
        if (controller == StepControllerKind.FIXED) {
            b.dt0[0] = 0.05;
        }
        return b;
    }
}
