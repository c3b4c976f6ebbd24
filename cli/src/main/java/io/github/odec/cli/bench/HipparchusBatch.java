package io.github.odec.cli.bench;

import io.github.odec.compile.DynamicsKernel;
import io.github.odec.runtime.spi.SolveBuffers;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
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

        AbstractIntegrator create(double span, double atol, double rtol) {
            // minStep 0: Hipparchus never gives up on a small step, as odec without dtMin.
            return switch (this) {
                case DORMAND_PRINCE_54 -> new DormandPrince54Integrator(0.0, span, atol, rtol);
                case DORMAND_PRINCE_853 -> new DormandPrince853Integrator(0.0, span, atol, rtol);
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
    /** NaN: each instance's own tolerances; else this one for all (the reference). */
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
        double t0 = in.t0[i];
        double t1 = in.t1[i];
        double atol = Double.isNaN(tolerance) ? in.atol[i] : tolerance;
        double rtol = Double.isNaN(tolerance) ? in.rtol[i] : tolerance;
        AbstractIntegrator ode = integrator.create(Math.abs(t1 - t0), atol, rtol);
        EvaluationSampler sampler = new EvaluationSampler(in.evalTimes, i * in.evalCount, in.evalCount, r.ys(), s);
        ode.addStepHandler(sampler);
        double[] params = Arrays.copyOfRange(in.params, i * in.paramCount, (i + 1) * in.paramCount);
        double[] y0 = Arrays.copyOfRange(in.y0, i * s, (i + 1) * s);
        ODEStateAndDerivative end = t0 == t1 ? null : ode.integrate(new KernelOde(kernel, params), new ODEState(t0, y0), t1);
        if (end == null) {
            // Hipparchus rejects an empty span; the answer is y0 at every point, as odec gives.
            for (int k = 0; k < in.evalCount; k++) {
                System.arraycopy(y0, 0, r.ys(), (i * in.evalCount + k) * s, s);
            }
        }
        System.arraycopy(end == null ? y0 : end.getPrimaryState(), 0, r.yFinal(), i * s, s);
        r.evaluations()[i] = ode.getEvaluations();
        r.accepted()[i] = sampler.accepted();
    }

    /** Attempted steps of an instance, from its evaluations: one at t0, one for the initial step guess, then per attempt. */
    int attempted(Result r, int i) {
        return Math.max(0, (r.evaluations()[i] - 2) / integrator.evaluationsPerStep());
    }
}
