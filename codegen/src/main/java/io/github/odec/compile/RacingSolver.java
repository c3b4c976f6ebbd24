package io.github.odec.compile;

import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSignature;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The CPU default: the scalar solver and the lane (Vector API) solver of one spec, raced piece by
 * piece on the batch itself. Both give the same results bit for bit, so which one solves a piece
 * changes the time it takes and nothing else; the race is decided by what each path measures on this
 * machine, now, rather than by a guess from the CPU's features (the lane path wins 1.8x on an
 * AVX-512 EPYC and loses 2.35x on an AVX2 Zen 3).
 *
 * <p>A small or short solve never meets the lanes: the race asks for the lane solver's compile only
 * once it has solved {@link #WORTH_COMPILING} instances and spent {@link #WORTH_COMPILING_NANOS}. Cold Vector API code is the trap: before C2 compiles it, the lane solver runs 30-100x slower
 * than the scalar one (on the AVX-512 EPYC, 32 Van der Pol instances took 240 ms cold, against 0.2 ms
 * warm). So the solving threads never run cold lanes. Once the scalar path has a time and the lane
 * solver exists (it is compiled in the background), a background thread warms the lane solver
 * on a private copy of a few of the batch's instances, until its time per step comes within
 * {@link #WARM_ENOUGH} of the scalar's or its budget is spent, on a spare core when there is one and
 * otherwise within {@link #WARM_SHARE} of the time the race has spent; only then do the lanes join the race.
 * In the race each piece goes to the path with the lower recent cost per instance-step, and the other
 * path is probed with a small piece while its share of the time is below {@link #PROBE_SHARE}, so a
 * change of speed (a later recompilation, other load) is seen.
 */
public final class RacingSolver implements CompiledSolver {

    /** The largest share of the race's time the trailing path gets for probes. */
    static final double PROBE_SHARE = 0.05;
    /** Instances per piece for the path in the lead: long enough to time, short enough to switch. */
    static final int PIECE = 512;
    /** Instances per probe: a few lane groups (8 lanes on AVX-512, 4 on AVX2). */
    static final int PROBE = 32;
    /** Instances the warm-up copies from the batch. */
    static final int WARM_SAMPLE = 16;
    /** Warm when a warm-up round costs at most this many times the scalar path's time per step. */
    static final double WARM_ENOUGH = 1.25;
    /**
     * While every core solves, the warm-up's time at most, as a share of the race's scalar time so far:
     * then it takes its time from the solve, so it goes at the solve's pace (one-shot LV, 10^5
     * instances, 2 threads on 2 cores: 6.1 s against 3.0 s scalar without this bound). With a core to
     * spare (fewer solving threads than cores, or none) it runs freely, up to its budget.
     */
    static final double WARM_SHARE = 0.1;
    /** Weight of the newest piece in a path's cost. */
    private static final double RECENT = 0.25;

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final Executor WARMER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon(true).name("odec-lane-warm-up").factory());

    /**
     * What the race solves on the scalar path before it has the lane solver compiled: javac, the JIT's
     * compiles of the lane code and its warm-up cost more than a small or short solve gains (Lotka-Volterra,
     * 10^5 instances, 1.3 s on 2 cores: 28% slower with the lanes compiled and warmed from the start).
     */
    static final int WORTH_COMPILING = 4096;
    static final long WORTH_COMPILING_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final CompiledSolver scalar;
    private final Supplier<? extends CompletableFuture<? extends CompiledSolver>> lanes;
    private final LongSupplier clock;
    private final Executor warmer;
    private final long warmBudgetNanos;
    private final double warmShare;
    private final int cores;
    private final long compileAfterNanos;
    private final AtomicBoolean warming = new AtomicBoolean();
    /** Threads inside {@link #solve} now: fewer than the cores leaves one for the warm-up. */
    private final AtomicInteger solving = new AtomicInteger();
    /** The lane solver once warm; null until then (and for ever, when it never compiles). */
    private volatile CompiledSolver warmLanes;
    private final Cost scalarCost = new Cost();
    private final Cost laneCost = new Cost();

    /**
     * @param lanes starts the compile of the lane solver of the same spec, once the race has solved
     *              {@link #WORTH_COMPILING} instances in {@link #WORTH_COMPILING_NANOS} of solving threads'
     *              time; a future that never completes, or fails, means scalar only
     */
    public RacingSolver(CompiledSolver scalar, Supplier<? extends CompletableFuture<? extends CompiledSolver>> lanes) {
        this(scalar, lanes, System::nanoTime, WARMER, TimeUnit.SECONDS.toNanos(30), WARM_SHARE,
                Runtime.getRuntime().availableProcessors(), WORTH_COMPILING_NANOS);
    }

    RacingSolver(CompiledSolver scalar, Supplier<? extends CompletableFuture<? extends CompiledSolver>> lanes,
                 LongSupplier clock, Executor warmer, long warmBudgetNanos, double warmShare, int cores,
                 long compileAfterNanos) {
        this.compileAfterNanos = compileAfterNanos;
        this.warmShare = warmShare;
        this.cores = cores;
        this.scalar = Objects.requireNonNull(scalar);
        this.lanes = Objects.requireNonNull(lanes);
        this.clock = Objects.requireNonNull(clock);
        this.warmer = Objects.requireNonNull(warmer);
        this.warmBudgetNanos = warmBudgetNanos;
    }

    @Override
    public SolverSignature signature() {
        return scalar.signature();
    }

    @Override
    public void solve(SolveBuffers buffers, int from, int to) {
        solving.incrementAndGet();
        try {
            race(buffers, from, to);
        } finally {
            solving.decrementAndGet();
        }
    }

    private void race(SolveBuffers buffers, int from, int to) {
        int start = from;
        while (start < to) {
            CompiledSolver laneSolver = warmLanes;
            if (laneSolver == null) {
                int end = Math.min(to, start + PIECE);
                timed(scalar, scalarCost, buffers, start, end);
                startWarmUp(buffers, start, end);
                start = end;
                continue;
            }
            boolean lanesLead = laneCost.perStep() < scalarCost.perStep();
            Cost trailing = lanesLead ? scalarCost : laneCost;
            // <=: the first lane piece comes at once, even before the lanes have a time of their own.
            boolean probe = trailing.nanos() <= PROBE_SHARE * (scalarCost.nanos() + laneCost.nanos());
            boolean useLanes = lanesLead != probe;
            int end = Math.min(to, start + (probe ? PROBE : PIECE));
            timed(useLanes ? laneSolver : scalar, useLanes ? laneCost : scalarCost, buffers, start, end);
            start = end;
        }
    }

    /** Which path leads now: "scalar" until the lanes are warm and faster. */
    public String leader() {
        return warmLanes != null && laneCost.perStep() < scalarCost.perStep() ? "lanes" : "scalar";
    }

    /** Whether the lanes are warm and take part (tests). */
    boolean lanesReady() {
        return warmLanes != null;
    }

    /** Instances the lane solver has solved in the race so far (tests). */
    long laneInstances() {
        return laneCost.instances();
    }

    /**
     * Once, after a scalar piece when the race has solved enough instances to be worth javac: the
     * lane solver's compile, and a copy of the piece's first instances' inputs to warm it on.
     */
    private void startWarmUp(SolveBuffers buffers, int from, int to) {
        if (warming.get() || scalarCost.instances() < WORTH_COMPILING || scalarCost.nanos() < compileAfterNanos
                || !warming.compareAndSet(false, true)) {
            return;
        }
        SolveBuffers sample = inputsOf(buffers, from, Math.min(to, from + WARM_SAMPLE));
        lanes.get().thenAcceptAsync(l -> warmUp(l, sample), warmer);
    }

    private void warmUp(CompiledSolver laneSolver, SolveBuffers sample) {
        long spent = 0;
        while (spent < warmBudgetNanos) {
            if (Thread.currentThread().isInterrupted()) {
                return; // its executor is shutting down: the lanes stay out of the race
            }
            boolean spareCore = solving.get() < cores;
            if (!spareCore && spent > warmShare * scalarCost.nanos()) {
                LockSupport.parkNanos(PAUSE_NANOS); // every core solves and the warm-up is ahead: wait for the solve
                continue;
            }
            SolveBuffers work = inputsOf(sample, 0, sample.instances);
            long begin = clock.getAsLong();
            laneSolver.solve(work, 0, work.instances);
            long round = clock.getAsLong() - begin;
            spent += round;
            if ((double) round / steps(work, 0, work.instances) <= WARM_ENOUGH * scalarCost.perStep()) {
                break;
            }
        }
        warmLanes = laneSolver;
    }

    /** Instances [from, to) of {@code buffers}: their input slots copied, their outputs fresh. */
    private static SolveBuffers inputsOf(SolveBuffers buffers, int from, int to) {
        SolveBuffers copy = new SolveBuffers(to - from, buffers.stateCount, buffers.paramCount, buffers.evalCount,
                buffers.observeCount, buffers.controller);
        for (Slot slot : Slot.values()) {
            if (slot.output()) {
                continue;
            }
            int width = slot.width(buffers);
            switch (slot.element()) {
                case REAL -> System.arraycopy(buffers.reals(slot), from * width, copy.reals(slot), 0, (to - from) * width);
                case INT -> System.arraycopy(buffers.ints(slot), from * width, copy.ints(slot), 0, (to - from) * width);
            }
        }
        return copy;
    }

    private void timed(CompiledSolver solver, Cost cost, SolveBuffers buffers, int from, int to) {
        long begin = clock.getAsLong();
        solver.solve(buffers, from, to);
        long nanos = clock.getAsLong() - begin;
        cost.add(nanos, steps(buffers, from, to), to - from);
    }

    /** The attempted steps of a piece: instances differ in cost, and their steps say by how much. */
    private static long steps(SolveBuffers buffers, int from, int to) {
        int[] steps = buffers.ints(Slot.STEPS);
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += steps[i];
        }
        return Math.max(sum, to - from);
    }

    /** One path's record: total time, instances, and the recent nanoseconds per step (NaN until its first piece). */
    private static final class Cost {
        private long nanos;
        private long instances;
        private double perStep = Double.NaN;

        synchronized void add(long pieceNanos, long pieceSteps, int pieceInstances) {
            nanos += pieceNanos;
            instances += pieceInstances;
            double latest = (double) pieceNanos / pieceSteps;
            perStep = Double.isNaN(perStep) ? latest : RECENT * latest + (1 - RECENT) * perStep;
        }

        synchronized long nanos() {
            return nanos;
        }

        synchronized long instances() {
            return instances;
        }

        /** +infinity before the first piece: an unmeasured path never leads. */
        synchronized double perStep() {
            return Double.isNaN(perStep) ? Double.POSITIVE_INFINITY : perStep;
        }
    }
}
