package io.github.odec.cli.bench;

import io.github.odec.compile.DynamicsKernel;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * A batch solved the Hipparchus way: one integrator per instance, on odec's inputs (a filled
 * {@link SolveBuffers}), one instance after another or in parallel over a pool.
 */
final class HipparchusBatch {

    /** The integrators used: DP54 for the comparison (odec's dopri5), DP853 for the reference. */
    enum Integrator {
        DORMAND_PRINCE_54, DORMAND_PRINCE_853;

        AbstractIntegrator create(double minStep, double maxStep, double atol, double rtol) {
            return switch (this) {
                case DORMAND_PRINCE_54 -> new DormandPrince54Integrator(minStep, maxStep, atol, rtol);
                case DORMAND_PRINCE_853 -> new DormandPrince853Integrator(minStep, maxStep, atol, rtol);
            };
        }

        /** f evaluations per attempted step after the first (both are FSAL). */
        int evaluationsPerStep() {
            return switch (this) {
                case DORMAND_PRINCE_54 -> 6;
                case DORMAND_PRINCE_853 -> 12;
            };
        }
    }

    /** Values in odec's layouts; evaluations and accepted steps per instance. */
    record Result(double[] ys, double[] yFinal, int[] evaluations, int[] accepted) {

        long totalEvaluations() {
            return Arrays.stream(evaluations).asLongStream().sum();
        }
    }

    private final DynamicsKernel kernel;
    private final SolveBuffers in;
    private final Integrator integrator;
    /** NaN: each instance's own tolerances and step limits; else this tolerance for all and no step limits (the reference). */
    private final double tolerance;

    HipparchusBatch(DynamicsKernel kernel, SolveBuffers in, Integrator integrator, double tolerance) {
        this.kernel = kernel;
        this.in = in;
        this.integrator = integrator;
        this.tolerance = tolerance;
    }

    /** {@code pool == null}: on the calling thread, one instance after another. */
    Result solve(ForkJoinPool pool) {
        int n = in.instances;
        Result r = new Result(new double[n * in.evalCount * in.stateCount], new double[n * in.stateCount], new int[n],
                new int[n]);
        if (pool == null) {
            for (int i = 0; i < n; i++) {
                solveOne(i, r);
            }
        } else {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> solveOne(i, r))).join();
        }
        return r;
    }

    private void solveOne(int i, Result r) {
        int s = in.stateCount;
        double t0 = in.reals(Slot.T0)[i];
        double t1 = in.reals(Slot.T1)[i];
        boolean own = Double.isNaN(tolerance);
        double span = Math.abs(t1 - t0);
        // The same limits as odec's: dtMin (0: never give up on a small step), dtMax, maxSteps.
        AbstractIntegrator ode = own
                ? integrator.create(in.reals(Slot.DT_MIN)[i], Math.min(span, in.reals(Slot.DT_MAX)[i]), in.reals(Slot.ATOL)[i], in.reals(Slot.RTOL)[i])
                : integrator.create(0.0, span, tolerance, tolerance);
        EvaluationSampler sampler = new EvaluationSampler(in.reals(Slot.EVAL_TIMES), i * in.evalCount, in.evalCount, r.ys(), s);
        ode.addStepHandler(sampler);
        double[] params = Arrays.copyOfRange(in.reals(Slot.PARAMS), i * in.paramCount, (i + 1) * in.paramCount);
        double[] y0 = Arrays.copyOfRange(in.reals(Slot.Y0), i * s, (i + 1) * s);
        if (own) {
            ode.setMaxEvaluations((int) Math.min(Integer.MAX_VALUE, 2L + (long) in.ints(Slot.MAX_STEPS)[i] * integrator.evaluationsPerStep()));
        }
        double[] last = y0;
        if (t0 == t1) {
            // Hipparchus rejects an empty span; the answer is y0 at every point, as odec gives.
            for (int k = 0; k < in.evalCount; k++) {
                System.arraycopy(y0, 0, r.ys(), (i * in.evalCount + k) * s, s);
            }
        } else {
            try {
                last = ode.integrate(new KernelOde(kernel, params), new ODEState(t0, y0), t1).getPrimaryState();
            } catch (MathRuntimeException failed) {
                // Too many evaluations or a step too small: points not reached stay NaN, like odec's.
                for (int k = sampler.filled(); k < in.evalCount; k++) {
                    Arrays.fill(r.ys(), (i * in.evalCount + k) * s, (i * in.evalCount + k + 1) * s, Double.NaN);
                }
                last = new double[s];
                Arrays.fill(last, Double.NaN);
            }
        }
        System.arraycopy(last, 0, r.yFinal(), i * s, s);
        r.evaluations()[i] = ode.getEvaluations();
        r.accepted()[i] = sampler.accepted();
    }

    /** Attempted steps of an instance, from its evaluations: one at t0, one for the initial step guess, then per attempt. */
    int attempted(Result r, int i) {
        return Math.max(0, (r.evaluations()[i] - 2) / integrator.evaluationsPerStep());
    }
}
