package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What happens after a rejected attempt: the step shrinks, and a trial that overflows is one more rejection. */
class RejectionTest {

    /**
     * y' = 5 t^4 with rtol = 0: dopri5's error estimate is exactly e = 5 D h^5 (D = sum (b_i - bhat_i) c_i^4;
     * both weights integrate t^3 exactly), so the ratio of every attempt is a known function of h and the
     * step sequence can be followed attempt by attempt. A PI controller with p = -2, i = 2.2 (p + 2d < 0,
     * like H312PID, but stronger) grows the step by factorMax while the ratios are small, until an
     * attempt is rejected with a ratio near 60; the old controller then computed a factor above 1 from the
     * history, clipped it to 1 and retried the same step until maxSteps. The step after that rejection must
     * be the integral rule's, 0.9 r^(-1/5) times the rejected one, which the next attempt accepts.
     */
    @Test
    void afterARejectionTheNextStepIsSmallerAndFollowsTheCurrentRatioAlone() {
        OdeSystem quartic = StepControlProblems.system("system Quartic { state y = 0.0; y' = 5 * t^4; }");
        ControllerCoefficients pi = new ControllerCoefficients(0.9, 0.2, 10.0, -2.0, 2.2, 0.0);
        CompiledSolver solver = Solvers.of(quartic, "dopri5", StepControllerKind.PI, false);
        double atol = 1e-6;
        double d = Math.abs(errorQuadrature("dopri5"));
        double hStar = Math.pow(atol / (5 * d), 0.2); // the step whose ratio is exactly 1
        double dt0 = 0.01 * hStar;                     // first ratio 1e-10

        // The controller's rule followed in double, attempt by attempt.
        List<Double> modelT = new ArrayList<>();
        List<Boolean> modelAccepted = new ArrayList<>();
        List<Double> modelH = new ArrayList<>();
        double h = dt0;
        double t = 0;
        double r1 = 1;
        boolean rejectedLast = false;
        for (int attempt = 0; attempt < 8; attempt++) {
            double r = 5 * d * Math.pow(h, 5) / atol;
            modelH.add(h);
            double factor;
            if (r <= 1) {
                factor = Math.min(10, Math.max(0.2, 0.9 * Math.pow(r, -0.2 / 5) * Math.pow(r1, -2.0 / 5)));
                factor = rejectedLast ? Math.min(factor, 1) : factor;
                t += h;
                r1 = r;
            } else {
                factor = Math.max(0.2, Math.min(0.9, 0.9 * Math.pow(r, -0.2)));
            }
            rejectedLast = r > 1;
            modelAccepted.add(r <= 1);
            modelT.add(t);
            h *= factor;
        }
        int rejection = modelAccepted.indexOf(false);
        assertTrue(rejection >= 2 && modelAccepted.get(rejection + 1), "the model rejects once, after accepted steps: "
                + modelAccepted);

        for (int attempts = 1; attempts <= 8; attempts++) {
            SolveBuffers b = TestBatch.create(1, 1, 0, 0, pi);
            TestBatch.set(b, 0, new double[] {0.0}, 0.0, 1e9);
            b.reals(Slot.RTOL)[0] = 0.0;
            b.reals(Slot.ATOL)[0] = atol;
            b.reals(Slot.DT0)[0] = dt0;
            b.ints(Slot.MAX_STEPS)[0] = attempts;
            solver.solve(b, 0, 1);
            assertEquals(Status.REACHED_MAX_STEPS, Status.ofCode(b.ints(Slot.STATUS)[0]));
            long acceptedInModel = modelAccepted.subList(0, attempts).stream().filter(a -> a).count();
            assertEquals(acceptedInModel, b.ints(Slot.ACCEPTED)[0], "accepted steps after " + attempts + " attempts");
            assertEquals(attempts - acceptedInModel, b.ints(Slot.REJECTED)[0], "rejections after " + attempts);
            List<Double> acceptedH = IntStream.range(0, attempts).filter(modelAccepted::get).mapToObj(modelH::get)
                    .toList();
            double last = acceptedH.getLast();
            double smallest = acceptedH.stream().mapToDouble(x -> x).min().orElseThrow();
            double largest = acceptedH.stream().mapToDouble(x -> x).max().orElseThrow();
            assertEquals(last, b.reals(Slot.H_LAST)[0], 1e-9 * last, "last accepted step after " + attempts);
            assertEquals(smallest, b.reals(Slot.H_MIN)[0], 1e-9 * smallest, "smallest accepted step after " + attempts);
            assertEquals(largest, b.reals(Slot.H_MAX)[0], 1e-9 * largest, "largest accepted step after " + attempts);
            double expected = modelT.get(attempts - 1);
            assertEquals(expected, b.reals(Slot.T_FINAL)[0], 1e-9 * expected, "t after " + attempts + " attempts");
            assertEquals(Math.pow(b.reals(Slot.T_FINAL)[0], 5), b.reals(Slot.Y_FINAL)[0], 1e-9 * b.reals(Slot.Y_FINAL)[0], "y = t^5 is integrated exactly");
        }
        double rejected = modelH.get(rejection);
        double after = modelH.get(rejection + 1);
        assertEquals(10 * modelH.get(rejection - 1), rejected, 1e-12 * rejected, "the rejected step grew by factorMax");
        assertTrue(after < rejected, "the step after the rejection is smaller");
        assertEquals(0.9 * hStar, after, 1e-9 * after, "0.9 r^(-1/5) h: the step that r = 0.9^5 predicts");
    }

    /**
     * y' = -y^3 over [0, 1e6]: the first attempt (the whole span, Hairer's estimate clipped to it) overflows
     * in its fourth stage. It is rejected and shrunk by factorMin until a trial is finite; the instance
     * then solves, against y = 1 / sqrt(1 + 2t).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "tsit5"})
    void aTrialStepThatOverflowsIsRejectedAndTheInstanceSolves(String method) {
        CompiledSolver solver = Solvers.of(TestSystems.cubicDecay(), method, StepControllerKind.INTEGRAL, false);
        SolveBuffers first = TestBatch.create(1, 1, 0, 0);
        TestBatch.set(first, 0, new double[] {1.0}, 0.0, 1e6);
        first.reals(Slot.DT0)[0] = 1e6;
        first.ints(Slot.MAX_STEPS)[0] = 1;
        solver.solve(first, 0, 1);
        assertEquals(Status.REACHED_MAX_STEPS, Status.ofCode(first.ints(Slot.STATUS)[0]), "the overflowing first attempt does not end it");
        assertEquals(0, first.ints(Slot.ACCEPTED)[0]);

        SolveBuffers b = TestBatch.create(1, 1, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0}, 0.0, 1e6);
        b.reals(Slot.DT0)[0] = 1e6;
        b.reals(Slot.RTOL)[0] = 1e-8;
        b.reals(Slot.ATOL)[0] = 1e-12;
        solver.solve(b, 0, 1);
        assertEquals(Status.SUCCESS, Status.ofCode(b.ints(Slot.STATUS)[0]));
        assertTrue(b.ints(Slot.STEPS)[0] - b.ints(Slot.ACCEPTED)[0] >= 5, "rejections: " + (b.ints(Slot.STEPS)[0] - b.ints(Slot.ACCEPTED)[0]));
        double exact = 1 / Math.sqrt(1 + 2e6);
        System.out.printf("y' = -y^3 %s: %d attempts, %d accepted, relative error %.3g%n", method, b.ints(Slot.STEPS)[0], b.ints(Slot.ACCEPTED)[0],
                (b.reals(Slot.Y_FINAL)[0] - exact) / exact);
        // rtol = 1e-8 on a contracting problem: the global error stays within a few rtol (measured 7e-9
        // for dopri5, 2.2e-8 for tsit5); 1e-6 is a margin of 50 that a wrong answer does not meet.
        assertEquals(exact, b.reals(Slot.Y_FINAL)[0], 1e-6 * exact);
    }

    /**
     * Robertson's chemical kinetics in f32 at rtol = 1e-5, atol = 1e-6 (issue 14: ended INFINITE_NORM on the first
     * attempt): y2^2 * 3e7 overflows float in the first trial from Hairer's estimate. Now it ends SUCCESS,
     * and y1 + y2 + y3 = 1 holds to float accuracy: explicit Runge-Kutta methods keep linear invariants
     * exactly, so what remains is rounding, 2^-24 per operation over about a thousand steps (measured
     * 7e-7 and 5e-7; bound 1e-5, 80 float ulps at 1). The state is compared with Hipparchus' DOP853 in
     * double at 1e-13; rtol = 1e-5 and float rounding bound that difference by 1e-4.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "tsit5"})
    void robertsonInSinglePrecisionSolves(String method) {
        OdeSystem robertson = StepControlProblems.system("""
                system Robertson {
                    state y1 = 1.0, y2 = 0.0, y3 = 0.0;
                    y1' = -0.04 * y1 + 1e4 * y2 * y3;
                    y2' = 0.04 * y1 - 1e4 * y2 * y3 - 3e7 * y2^2;
                    y3' = 3e7 * y2^2;
                }
                """);
        SolveBuffers b = TestBatch.create(1, 3, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0, 0.0, 0.0}, 0.0, 1.0);
        b.reals(Slot.RTOL)[0] = 1e-5;
        Solvers.of(robertson, method, StepControllerKind.INTEGRAL, Precision.F32, false).solve(b, 0, 1);
        assertEquals(Status.SUCCESS, Status.ofCode(b.ints(Slot.STATUS)[0]), "after " + b.ints(Slot.STEPS)[0] + " attempts");
        double mass = b.reals(Slot.Y_FINAL)[0] + b.reals(Slot.Y_FINAL)[1] + b.reals(Slot.Y_FINAL)[2];
        System.out.printf("Robertson f32 %s: %d attempts, %d accepted, mass - 1 = %.3g, y = %s%n", method, b.ints(Slot.STEPS)[0],
                b.ints(Slot.ACCEPTED)[0], mass - 1, java.util.Arrays.toString(TestBatch.yFinal(b, 0)));
        assertEquals(1.0, mass, 1e-5);
        double[] ref = ReferenceSolutions.at(equation(3, y -> new double[] {
            -0.04 * y[0] + 1e4 * y[1] * y[2], 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1], 3e7 * y[1] * y[1]}),
                0.0, new double[] {1, 0, 0}, new double[] {1.0})[0];
        System.out.printf("  against DOP853: %.3g%n", OrderTest.maxError(TestBatch.yFinal(b, 0), ref));
        assertTrue(OrderTest.maxError(TestBatch.yFinal(b, 0), ref) < 1e-4, java.util.Arrays.toString(ref));
    }

    /** y' = y^2 blows up at t = 1: the accepted states stay finite, and the instance ends INFINITE_NORM. */
    @ParameterizedTest
    @ValueSource(strings = {"F64", "F32"})
    void aStateThatBlowsUpStillEndsWithInfiniteNorm(Precision precision) {
        SolveBuffers b = TestBatch.create(1, 1, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0}, 0.0, 2.0);
        Solvers.of(TestSystems.blowUp(), "dopri5", StepControllerKind.PID, precision, false).solve(b, 0, 1);
        assertEquals(Status.INFINITE_NORM, Status.ofCode(b.ints(Slot.STATUS)[0]), "after " + b.ints(Slot.STEPS)[0] + " attempts");
        assertTrue(Double.isFinite(b.reals(Slot.Y_FINAL)[0]), "the last accepted state is finite: " + b.reals(Slot.Y_FINAL)[0]);
        assertTrue(b.reals(Slot.T_FINAL)[0] > 0.99 && b.reals(Slot.T_FINAL)[0] < 1.0 + 1e-3, "stopped near t = 1: " + b.reals(Slot.T_FINAL)[0]);
        assertTrue(b.ints(Slot.STEPS)[0] < 100_000, "ended by the shrinking step, not by maxSteps");
    }

    private static org.hipparchus.ode.OrdinaryDifferentialEquation equation(int n, java.util.function.UnaryOperator<double[]> f) {
        return new org.hipparchus.ode.OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return f.apply(y);
            }
        };
    }

    /** sum (b_i - bhat_i) c_i^4: the error estimate of one step of y' = 5 t^4 is 5 h^5 times this. */
    private static double errorQuadrature(String method) {
        Tableau tab = Frontend.standardTableaus().stream().filter(x -> x.name().equals(method)).findFirst().orElseThrow();
        Rational sum = Rational.ZERO;
        for (int i = 0; i < tab.stages(); i++) {
            Rational c = tab.c().get(i);
            Rational w = tab.b().get(i).minus(tab.bhat().orElseThrow().get(i));
            sum = sum.plus(w.times(c.times(c).times(c).times(c)));
        }
        return sum.toDouble();
    }
}
