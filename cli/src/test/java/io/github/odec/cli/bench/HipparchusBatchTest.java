package io.github.odec.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.compile.DynamicsKernel;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.spi.SolveBuffers;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class HipparchusBatchTest {

    /** y' = -k y with per-instance k: the sampled values are exp(-k t) to the reference's accuracy. */
    @Test
    void sampledValuesMatchTheExactSolutionAndTheParallelRunIsIdentical() throws Exception {
        CompiledSystem decay = system("system Decay {\n state y = 1;\n param k = 1;\n y' = -k * y;\n}\n");
        Batch batch = new Batch(decay.layout(), 3).span(0, 2).evalTimesEvenlySpaced(5).atol(1e-8).rtol(1e-8);
        for (int i = 0; i < 3; i++) {
            batch.param("k", i, 0.5 + i);
        }
        SolveBuffers in = inputs(batch);
        DynamicsKernel kernel = decay.dynamics();
        HipparchusBatch reference = new HipparchusBatch(kernel, in, HipparchusBatch.Integrator.DORMAND_PRINCE_853, 1e-12);
        HipparchusBatch.Result seq = reference.solve(null);
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 5; p++) {
                double t = 0.5 * p;
                // 1e-10: DP853 at atol = rtol = 1e-12 over two time units, dense output included.
                assertEquals(Math.exp(-(0.5 + i) * t), seq.ys()[i * 5 + p], 1e-10, "instance " + i + " at t = " + t);
            }
            assertEquals(Math.exp(-(0.5 + i) * 2), seq.yFinal()[i], 1e-10);
        }
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            HipparchusBatch.Result par = reference.solve(pool);
            assertArrayEquals(seq.ys(), par.ys(), 0.0);
            assertArrayEquals(seq.evaluations(), par.evaluations());
        } finally {
            pool.shutdown();
        }
    }

    /** DP54's attempted steps, derived from its evaluations, are at least its accepted ones and the division is exact. */
    @Test
    void attemptedStepsFollowFromEvaluations() throws Exception {
        CompiledSystem vdp = new CompiledSystem(Frontend.checkFile(Path.of("../samples/vanderpol.ode")).model().orElseThrow(), "VanDerPol");
        Batch batch = new Batch(vdp.layout(), 2).span(0, 7.6).atol(1e-5).rtol(1e-5);
        SolveBuffers in = inputs(batch);
        HipparchusBatch dp54 = new HipparchusBatch(vdp.dynamics(), in, HipparchusBatch.Integrator.DORMAND_PRINCE_54, Double.NaN);
        HipparchusBatch.Result r = dp54.solve(null);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, (r.evaluations()[i] - 2) % 6, "evaluations " + r.evaluations()[i]);
            assertTrue(dp54.attempted(r, i) >= r.accepted()[i] && r.accepted()[i] > 10);
        }
    }

    /** y' = y^2 from 1 blows up at t = 1: Hipparchus gives up, and the points past the blow-up read NaN, as odec's do. */
    @Test
    void aDivergingInstanceEndsWithNaNInsteadOfAnException() {
        CompiledSystem blowUp = system("system BlowUp {\n state y = 1;\n y' = y * y;\n}\n");
        Batch batch = new Batch(blowUp.layout(), 1).span(0, 2).evalTimesEvenlySpaced(5).atol(1e-6).rtol(1e-6);
        SolveBuffers in = inputs(batch);
        HipparchusBatch.Result r = new HipparchusBatch(blowUp.dynamics(), in, HipparchusBatch.Integrator.DORMAND_PRINCE_54,
                Double.NaN).solve(null);
        assertEquals(1.0, r.ys()[0], 0.0);
        assertEquals(2.0, r.ys()[1], 1e-4); // y(0.5) = 1 / (1 - 0.5)
        assertTrue(Double.isNaN(r.ys()[3]) && Double.isNaN(r.ys()[4]) && Double.isNaN(r.yFinal()[0]));
    }

    private static CompiledSystem system(String source) {
        var model = Frontend.check(new io.github.odec.diag.SourceFile("test.ode", source)).model().orElseThrow();
        return new CompiledSystem(model, model.systems().getFirst().name());
    }

    private static SolveBuffers inputs(Batch batch) {
        return Solver.inputBuffers(batch, SolverOptions.defaults());
    }
}
