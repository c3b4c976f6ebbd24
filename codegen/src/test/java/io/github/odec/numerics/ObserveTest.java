package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.diag.SourceFile;
import io.github.odec.emit.cuda.NvccRequirement;
import io.github.odec.lower.StateLayout;
import io.github.odec.runtime.cuda.ContentCache;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.cuda.CudaHostBackend;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import io.github.odec.runtime.spi.Slot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Observes against closed forms and against the same run's dense output. The extrema see t0 and the
 * accepted step ends, so near a smooth maximum they are low by at most max|g''| hMax^2 / 2 (the peak
 * is within one step of an end) and their time is off by at most hMax; the integral is the
 * method's own quadrature, of the method's order.
 */
class ObserveTest {

    private static CompiledSystem compile(String text, String name) {
        CheckResult checked = Frontend.check(new SourceFile(name + ".ode", text));
        assertTrue(checked.ok(), checked.render());
        return new CompiledSystem(checked.model().orElseThrow(), name);
    }

    private static final CompiledSystem DECAY = compile("""
            system Decay {
                state y = 1;
                param k = 1;
                y' = -k * y;
                let sq = y * y;
                observe dose = integral(y);
                observe dose2 = integral(sq);
                observe low = min(y);
                observe tLow = argmin(y);
                observe high = max(y + t);
            }
            """, "Decay");

    private static final CompiledSystem SINE = compile("""
            system Sine {
                state x = 0;
                state v = 1;
                x' = v;
                v' = -x;
                observe peak = max(x);
                observe tPeak = argmax(x);
                observe trough = min(x);
                observe tTrough = argmin(x);
                observe area = integral(x * x);
            }
            """, "Sine");

    /** The SIR sample's equations, with N as a parameter. */
    private static final CompiledSystem SIR = compile("""
            system SIR {
                state S = 990;
                state I = 10;
                state R = 0;
                param beta = 0.3;
                param gamma = 0.1;
                let N = S + I + R;
                S' = -beta * S * I / N;
                I' = beta * S * I / N - gamma * I;
                R' = gamma * I;
                observe peakI = max(I);
                observe tPeak = argmax(I);
            }
            """, "SIR");

    @Test
    void integralsOfTheDecayAreTheirClosedForms() {
        double t1 = 2.0;
        Solution s = Solver.cpu().solve(DECAY, new Batch(DECAY.layout(), 1).span(0.0, t1).rtol(1e-11).atol(1e-13));
        assertEquals(Status.SUCCESS, s.status(0));
        // y = e^-t: ∫ y = 1 - e^-T, ∫ y^2 = (1 - e^-2T) / 2; at rtol 1e-11 the quadrature is as exact.
        assertEquals(1 - Math.exp(-t1), s.observe(0, "dose"), 1e-10);
        assertEquals((1 - Math.exp(-2 * t1)) / 2, s.observe(0, "dose2"), 1e-10);
        // Monotone: the minimum is at t1 (a step end), the maximum of y + t = e^-t + t at t1 too.
        assertEquals(s.finalValue(0, "y"), s.observe(0, "low"));
        assertEquals(t1, s.observe(0, "tLow"));
        assertEquals(s.finalValue(0, "y") + t1, s.observe(0, "high"));
    }

    /** Fixed-step rk4: halving h divides the quadrature's error by 2^4, also for an integrand that is not a state. */
    @Test
    void theIntegralHasTheMethodsOrder() {
        double t1 = 2.0;
        double[] errors = new double[3];
        double[] errors2 = new double[3];
        for (int r = 0; r < 3; r++) {
            double h = 0.2 / (1 << r);
            SolverOptions o = SolverOptions.defaults().withMethod(Method.RK4).withController(StepControllerKind.FIXED)
                    .withDt0(h);
            Solution s = Solver.cpu().solve(DECAY, new Batch(DECAY.layout(), 1).span(0.0, t1), o);
            errors[r] = Math.abs(s.observe(0, "dose") - (1 - Math.exp(-t1)));
            errors2[r] = Math.abs(s.observe(0, "dose2") - (1 - Math.exp(-2 * t1)) / 2);
        }
        for (int r = 1; r < 3; r++) {
            double ratio = errors[r - 1] / errors[r];
            double ratio2 = errors2[r - 1] / errors2[r];
            assertTrue(ratio > 14 && ratio < 18, "integral(y) error ratio " + ratio);
            assertTrue(ratio2 > 14 && ratio2 < 18, "integral(y^2) error ratio " + ratio2);
        }
    }

    @Test
    void theSineReachesOneAtHalfPiWithinAStep() {
        double t1 = 2 * Math.PI;
        int points = 20_001;
        Solution s = Solver.cpu().solve(SINE, new Batch(SINE.layout(), 1).span(0.0, t1).evalTimesEvenlySpaced(points)
                .rtol(1e-9).atol(1e-12));
        assertEquals(Status.SUCCESS, s.status(0));
        double hMax = s.statistics(0).hMax();
        // x = sin t: max|x''| = 1, so the step-end maximum is within hMax^2 / 2 of 1, its time within hMax of pi/2.
        double peak = s.observe(0, "peak");
        assertTrue(peak <= 1 + 1e-8 && peak >= 1 - hMax * hMax / 2, "peak " + peak + ", hMax " + hMax);
        assertEquals(Math.PI / 2, s.observe(0, "tPeak"), hMax);
        assertEquals(-1.0, s.observe(0, "trough"), hMax * hMax / 2);
        assertEquals(3 * Math.PI / 2, s.observe(0, "tTrough"), hMax);
        // ∫ sin^2 over [0, 2 pi] = pi.
        assertEquals(Math.PI, s.observe(0, "area"), 1e-7);

        // The same reductions over the run's dense output: the trapezoid rule on 20,001 points is within
        // T dt^2 / 12 max|(x^2)''| = 2 pi (2 pi / 20000)^2 / 12 * 2 = 1.1e-7 of the exact integral; the
        // densely sampled maximum bounds the step-end one from above (up to the interpolant's error).
        double area = 0;
        double denseMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < points; k++) {
            double x = s.value(0, k, "x");
            denseMax = Math.max(denseMax, x);
            if (k > 0) {
                double xp = s.value(0, k - 1, "x");
                area += (s.evalTime(0, k) - s.evalTime(0, k - 1)) * (x * x + xp * xp) / 2;
            }
        }
        assertEquals(area, s.observe(0, "area"), 2e-7);
        assertTrue(peak <= denseMax + 1e-8 && peak >= denseMax - hMax * hMax / 2, peak + " vs dense " + denseMax);
    }

    /**
     * Kermack-McKendrick: S + I - (gamma N / beta) ln S is conserved, I peaks where S = gamma N / beta, so
     * I_max = S0 + I0 - (gamma N / beta) (1 + ln(beta S0 / (gamma N))) (Hethcote, "The Mathematics of
     * Infectious Diseases", SIAM Review 42, 2000, section 2.1). Near the peak I'' = -beta gamma I^2 / N.
     */
    @Test
    void theSirPeakIsKermackMcKendricks() {
        double s0 = 990;
        double i0 = 10;
        double n = 1000;
        double beta = 0.3;
        double gamma = 0.1;
        Solution s = Solver.cpu().solve(SIR, new Batch(SIR.layout(), 1).span(0.0, 365.0).rtol(1e-10).atol(1e-10));
        assertEquals(Status.SUCCESS, s.status(0));
        double rho = gamma * n / beta;
        double iMax = s0 + i0 - rho * (1 + Math.log(s0 / rho));
        double hMax = s.statistics(0).hMax();
        double curvature = beta * gamma * iMax * iMax / n;
        double peak = s.observe(0, "peakI");
        assertTrue(peak <= iMax + 1e-6 && peak >= iMax - curvature * hMax * hMax / 2 - 1e-6,
                "peak " + peak + " vs " + iMax + ", hMax " + hMax);
        // The time has no closed form: at the solver's tPeak, S is within one step's change of rho.
        double tPeak = s.observe(0, "tPeak");
        Solution atPeak = Solver.cpu().solve(SIR, new Batch(SIR.layout(), 1).span(0.0, tPeak).rtol(1e-10).atol(1e-10));
        double sDot = beta * rho * iMax / n;
        assertEquals(rho, atPeak.finalValue(0, "S"), sDot * hMax);
    }

    private static SolveBuffers buffers(CompiledSystem system, int n, SolverOptions o) {
        Batch b = new Batch(system.layout(), n).span(0.0, 40.0).rtol(1e-8).atol(1e-10);
        for (int i = 0; i < n; i++) {
            b.param("beta", i, 0.2 + 0.01 * i).param("gamma", i, 0.05 + 0.002 * i);
        }
        return Solver.inputBuffers(b, o);
    }

    /** Large systems keep their state in arrays: the observes read the same values there. */
    @Test
    void theArraysLayoutGivesTheSameObserves() {
        for (StepControllerKind c : new StepControllerKind[] {StepControllerKind.PI, StepControllerKind.FIXED}) {
            SolverSpec spec = new SolverSpec(c == StepControllerKind.FIXED ? Method.RK4 : Method.DOPRI5, c,
                    Precision.F64, false);
            SolverOptions o = SolverOptions.defaults().withDt0(c == StepControllerKind.FIXED ? 0.5 : 0.0);
            SolveBuffers a = buffers(SIR, 5, o);
            SolveBuffers b = buffers(SIR, 5, o);
            SIR.solver(spec, StateLayout.LOCALS).solve(a, 0, 5);
            SIR.solver(spec, StateLayout.ARRAYS).solve(b, 0, 5);
            double[] x = a.reals(Slot.OBSERVES);
            double[] y = b.reals(Slot.OBSERVES);
            for (int k = 0; k < x.length; k++) {
                assertEquals(x[k], y[k], 1e-12 * Math.max(1, Math.abs(x[k])), c + " element " + k);
            }
            assertTrue(x[0] > 10, "a real epidemic peak: " + x[0]);
        }
    }

    @Test
    void simdEqualsScalarBitForBit() {
        for (Precision p : Precision.values()) {
            SolverSpec spec = new SolverSpec(Method.TSIT5, StepControllerKind.PI, p, false);
            SolveBuffers a = buffers(SIR, 19, SolverOptions.defaults());
            SolveBuffers b = buffers(SIR, 19, SolverOptions.defaults());
            SIR.solver(spec).solve(a, 0, 19);
            SIR.simdSolver(spec).solve(b, 0, 19);
            double[] x = a.reals(Slot.OBSERVES);
            double[] y = b.reals(Slot.OBSERVES);
            assertEquals(38, x.length);
            for (int k = 0; k < x.length; k++) {
                assertEquals(Double.doubleToRawLongBits(x[k]), Double.doubleToRawLongBits(y[k]), p + " element " + k);
            }
        }
    }

    /** The CUDA source built for the host: the peak value to 1e-11 relative, as CudaHostAgreementTest. */
    @Test
    void cudaHostAgreesWithTheCpu() {
        CudaHostBackend backend = new CudaHostBackend(NvccRequirement.nvcc(),
                new ContentCache(Path.of("target", "odec-cache")));
        SolverSpec spec = new SolverSpec(Method.DOPRI5, StepControllerKind.INTEGRAL, Precision.F64, false);
        SolveBuffers java = buffers(SIR, 33, SolverOptions.defaults());
        SolveBuffers cuda = buffers(SIR, 33, SolverOptions.defaults());
        SIR.solver(spec).solve(java, 0, 33);
        backend.solve(SIR.cudaSource(spec), cuda);
        double[] x = java.reals(Slot.OBSERVES);
        double[] y = cuda.reals(Slot.OBSERVES);
        for (int k = 0; k < x.length; k++) {
            assertEquals(x[k], y[k], 1e-11 * Math.max(1, Math.abs(x[k])), "element " + k);
        }
    }
}
