package io.github.odec.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSignature;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The race between the scalar and the lane solver: where the time goes (on a virtual clock, so the
 * assertions are about the policy, not this machine's speed), and that the answer never depends on it.
 */
class RacingSolverTest {

    /** A solver that costs {@code nanosPerStep.get()} per step of 100 steps an instance on the virtual clock. */
    private static final class Timed implements CompiledSolver {
        private final long[] clock;
        private final java.util.function.IntToLongFunction nanosPerStep;
        long instances;
        int calls;

        Timed(long[] clock, java.util.function.IntToLongFunction nanosPerStep) {
            this.clock = clock;
            this.nanosPerStep = nanosPerStep;
        }

        @Override
        public SolverSignature signature() {
            return null;
        }

        @Override
        public void solve(SolveBuffers buffers, int from, int to) {
            synchronized (clock) { // the warm-up's thread and the race's share the clock
                for (int i = from; i < to; i++) {
                    buffers.ints(Slot.STEPS)[i] = 100;
                }
                clock[0] += (to - from) * 100 * nanosPerStep.applyAsLong(calls++);
                instances += to - from;
            }
        }
    }

    private static SolveBuffers buffers(int n) {
        return new SolveBuffers(n, 1, 0, 0, io.github.odec.runtime.spi.ControllerCoefficients.integral());
    }

    /**
     * The warm-up on the calling thread and the virtual clock, unbounded by the race's time (it would wait
     * for a clock that only it moves), so that each test is one deterministic sequence.
     */
    private static RacingSolver race(Timed scalar, CompletableFuture<? extends CompiledSolver> lanes, long[] clock) {
        return new RacingSolver(scalar, () -> lanes, () -> clock[0], Runnable::run, 1_000_000_000L,
                Double.POSITIVE_INFINITY, 1, 0);
    }

    /**
     * A lane path 20x slower than scalar for its first 10 calls (not yet compiled by C2), then twice as
     * fast: the cold calls are the warm-up's, on its own copy of the inputs, none of the race's; once warm
     * the lanes take over.
     */
    @Test
    void coldLanesAreWarmedOffTheRaceAndTakeOverOnceFaster() {
        long[] clock = {0};
        Timed scalar = new Timed(clock, call -> 10);
        Timed lanes = new Timed(clock, call -> call < 10 ? 200 : 5);
        RacingSolver race = race(scalar, CompletableFuture.completedFuture(lanes), clock);
        int n = 200_000;
        race.solve(buffers(n), 0, n);
        assertTrue(race.lanesReady());
        assertEquals(11 * RacingSolver.WARM_SAMPLE, lanes.instances - race.laneInstances(),
                "10 cold warm-up rounds and the one that found the lanes warm");
        assertEquals("lanes", race.leader());
        assertEquals(n, scalar.instances + race.laneInstances());
        assertTrue(race.laneInstances() > 0.9 * n, "lanes solved " + race.laneInstances() + " of " + n);
    }

    /** Where the lane path is slower for good (AVX2 machines), it stays a probe of at most its share of the time. */
    @Test
    void aSlowerLanePathStaysAProbe() {
        long[] clock = {0};
        Timed scalar = new Timed(clock, call -> 10);
        Timed lanes = new Timed(clock, call -> 24);
        RacingSolver race = race(scalar, CompletableFuture.completedFuture(lanes), clock);
        race.solve(buffers(200_000), 0, 5000);
        long warmedInstances = lanes.instances - race.laneInstances();
        assertTrue(warmedInstances * 100 * 24 >= 1_000_000_000L, "the warm-up spent its budget, never warm enough");
        assertTrue(race.lanesReady(), "and the lanes then take part, probed");
        long before = clock[0];
        race.solve(buffers(200_000), 0, 200_000);
        double laneShare = (double) race.laneInstances() * 100 * 24 / (clock[0] - before);
        assertEquals("scalar", race.leader());
        assertTrue(race.laneInstances() > 0, "probed");
        assertTrue(laneShare <= RacingSolver.PROBE_SHARE + 0.01, "lanes took " + laneShare + " of the time");
    }

    @Test
    void aSmallBatchNeverCompilesTheLanes() {
        long[] clock = {0};
        Timed scalar = new Timed(clock, call -> 10);
        int[] compiles = {0};
        RacingSolver race = new RacingSolver(scalar, () -> {
            compiles[0]++;
            return new CompletableFuture<>();
        }, () -> clock[0], Runnable::run, 0, Double.POSITIVE_INFINITY, 1, 10_000_000L);
        for (int solve = 0; solve < 3; solve++) {
            race.solve(buffers(1000), 0, 1000);
        }
        assertEquals(0, compiles[0], "3000 instances: no javac");
        race.solve(buffers(2000), 0, 2000);
        assertEquals(0, compiles[0], "5000 instances, but in 5 ms of solving: no javac");
        race.solve(buffers(6000), 0, 6000);
        assertEquals(1, compiles[0], "past " + RacingSolver.WORTH_COMPILING + " instances and 10 ms the lanes are compiled, once");
        race.solve(buffers(2000), 0, 2000);
        assertEquals(1, compiles[0]);
    }

    /**
     * On a thread of its own, the warm-up keeps within its share of the race's time while every core
     * solves, and waits while the race is idle; with a core to spare it runs on past that share.
     */
    @Test
    void theWarmUpTakesAtMostItsShareOfTheSolveUnlessACoreIsSpare() throws Exception {
        for (int cores : new int[] {0, 1}) { // 0: no core is ever spare; 1: spare whenever the race is idle
            long[] clock = {0};
            Timed scalar = new Timed(clock, call -> 10);
            Timed lanes = new Timed(clock, call -> 1000); // never warm
            java.util.concurrent.ExecutorService warmer = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                RacingSolver race = new RacingSolver(scalar, () -> CompletableFuture.completedFuture(lanes), () -> {
                    synchronized (clock) {
                        return clock[0];
                    }
                }, warmer, Long.MAX_VALUE, 0.1, cores, 0);
                race.solve(buffers(50_000), 0, 50_000);
                Thread.sleep(200); // the warm-up runs while nothing else moves the clock
                synchronized (clock) {
                    long scalarNanos = scalar.instances * 100 * 10;
                    long warmNanos = clock[0] - scalarNanos;
                    long round = 1000 * 100 * RacingSolver.WARM_SAMPLE;
                    assertTrue(warmNanos > 0, "it warmed");
                    if (cores == 0) {
                        assertTrue(warmNanos <= 0.1 * scalarNanos + round,
                                "warm-up " + warmNanos + " ns against the race's " + scalarNanos);
                    } else {
                        assertTrue(warmNanos > 0.1 * scalarNanos + round, "a spare core: " + warmNanos + " ns");
                    }
                }
            } finally {
                warmer.shutdownNow();
            }
        }
    }

    @Test
    void untilTheLaneSolverExistsEveryPieceIsScalar() {
        long[] clock = {0};
        Timed scalar = new Timed(clock, call -> 10);
        RacingSolver pending = race(scalar, new CompletableFuture<>(), clock);
        RacingSolver failed = race(scalar, CompletableFuture.failedFuture(new IllegalStateException()), clock);
        pending.solve(buffers(5000), 0, 5000);
        failed.solve(buffers(5000), 0, 5000);
        assertEquals(10_000, scalar.instances);
        assertEquals("scalar", pending.leader());
        assertFalse(failed.lanesReady());
    }

    /** The real solvers: whichever path solves which instances, every output is the scalar solver's, bit for bit. */
    @Test
    void theRaceChangesNoBitOfTheResults() {
        CompiledSystem vdp = new CompiledSystem(TestSystems.vanDerPol(), Frontend.standardTableaus());
        for (Precision p : Precision.values()) {
            SolverSpec spec = new SolverSpec(Method.DOPRI5, StepControllerKind.PI, p, true);
            int n = RacingSolver.WORTH_COMPILING + 1000;
            SolverOptions o = SolverOptions.defaults().withPrecision(p);
            Batch batch = new Batch(vdp.layout(), n).span(0.0, 6.0).rtol(1e-7).atol(1e-9).evalTimesEvenlySpaced(7);
            for (int i = 0; i < n; i++) {
                batch.param("mu", i, 0.5 + 4.0 * i / n).state("x", i, 2.0 - 1e-4 * i);
            }
            SolveBuffers scalar = Solver.inputBuffers(batch, o);
            vdp.solver(spec).solve(scalar, 0, n);
            // No warm-up (budget 0): the cold lanes race at once, so that both paths solve pieces of every round.
            CompiledSolver lanes = vdp.simdSolver(spec);
            RacingSolver racing = new RacingSolver(vdp.solver(spec), () -> CompletableFuture.completedFuture(lanes),
                    System::nanoTime, Runnable::run, 0, Double.POSITIVE_INFINITY, 1, 0);
            for (int round = 0; round < 3; round++) {
                SolveBuffers raced = Solver.inputBuffers(batch, o);
                racing.solve(raced, 0, n);
                for (Slot slot : Slot.values()) {
                    if (slot.output() && slot.element() == Slot.Element.REAL) {
                        double[] x = scalar.reals(slot);
                        double[] y = raced.reals(slot);
                        for (int k = 0; k < x.length; k++) {
                            assertEquals(Double.doubleToRawLongBits(x[k]), Double.doubleToRawLongBits(y[k]),
                                    p + " " + slot + "[" + k + "]");
                        }
                    } else if (slot.output()) {
                        assertEquals(java.util.Arrays.toString(scalar.ints(slot)), java.util.Arrays.toString(raced.ints(slot)),
                                p + " " + slot);
                    }
                }
            }
            assertTrue(racing.laneInstances() > 0, p + ": the lanes took part");
        }
    }
}
