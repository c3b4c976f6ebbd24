package io.github.odec.runtime.spi;

import java.util.Objects;

/**
 * The flat, instance-major memory a generated CPU solver reads and writes. Users never see it:
 * the runtime API fills it from their batch, checks it, and reads results back into a Solution.
 * Every array indexed by instance has one entry (or one block) per instance, so that nothing an
 * instance reads or writes is shared with another.
 */
public final class SolveBuffers {
    public final int instances;
    public final int stateCount;
    public final int paramCount;
    /** Evaluation times per instance (the same count for all); 0 means final state only. */
    public final int evalCount;
    /** Observes per instance: the system's, or 0 for a system without. */
    public final int observeCount;

    public final ControllerCoefficients controller;
    /** Per slot (by ordinal): its array for REAL slots, null otherwise; likewise {@link #ints} for INT. */
    private final double[][] reals = new double[Slot.values().length][];
    private final int[][] ints = new int[Slot.values().length][];

    // Views of the slot arrays under their slot's name, for the runtime's and tests' readability.
    /** [instance * stateCount + j] */
    public final double[] y0;
    /** [instance * paramCount + p] */
    public final double[] params;
    public final double[] t0;
    public final double[] t1;
    /** [instance * evalCount + k] */
    public final double[] evalTimes;
    public final double[] atol;
    public final double[] rtol;
    public final double[] dt0;
    public final double[] dtMin;
    public final double[] dtMax;
    public final int[] maxSteps;
    /** [(instance * evalCount + k) * stateCount + j] */
    public final double[] ys;
    /** [instance * stateCount + j] */
    public final double[] yFinal;
    public final double[] tFinal;
    public final int[] status;
    public final int[] fEvals;
    public final int[] steps;
    public final int[] accepted;
    public final int[] initialized;

    public SolveBuffers(int instances, int stateCount, int paramCount, int evalCount, ControllerCoefficients controller) {
        this(instances, stateCount, paramCount, evalCount, 0, controller);
    }

    public SolveBuffers(int instances, int stateCount, int paramCount, int evalCount, int observeCount,
                        ControllerCoefficients controller) {
        if (instances < 0 || stateCount < 1 || paramCount < 0 || evalCount < 0 || observeCount < 0) {
            throw new IllegalArgumentException("bad shape: instances=" + instances + ", states=" + stateCount
                    + ", params=" + paramCount + ", evalCount=" + evalCount);
        }
        this.instances = instances;
        this.stateCount = stateCount;
        this.paramCount = paramCount;
        this.evalCount = evalCount;
        this.observeCount = observeCount;
        this.controller = Objects.requireNonNull(controller);
        for (Slot slot : Slot.values()) {
            int elements = Math.multiplyExact(instances, slot.width(this));
            switch (slot.element()) {
                case REAL -> reals[slot.ordinal()] = new double[elements];
                case INT -> ints[slot.ordinal()] = new int[elements];
            }
        }
        y0 = reals(Slot.Y0);
        params = reals(Slot.PARAMS);
        t0 = reals(Slot.T0);
        t1 = reals(Slot.T1);
        evalTimes = reals(Slot.EVAL_TIMES);
        atol = reals(Slot.ATOL);
        rtol = reals(Slot.RTOL);
        dt0 = reals(Slot.DT0);
        dtMin = reals(Slot.DT_MIN);
        dtMax = reals(Slot.DT_MAX);
        maxSteps = ints(Slot.MAX_STEPS);
        ys = reals(Slot.YS);
        yFinal = reals(Slot.Y_FINAL);
        tFinal = reals(Slot.T_FINAL);
        status = ints(Slot.STATUS);
        fEvals = ints(Slot.F_EVALS);
        steps = ints(Slot.STEPS);
        accepted = ints(Slot.ACCEPTED);
        initialized = ints(Slot.INITIALIZED);
    }

    /** A REAL slot's array, instance-major. */
    public double[] reals(Slot slot) {
        if (slot.element() != Slot.Element.REAL) {
            throw new IllegalArgumentException(slot + " holds " + slot.element());
        }
        return reals[slot.ordinal()];
    }

    /** An INT slot's array, instance-major. */
    public int[] ints(Slot slot) {
        if (slot.element() != Slot.Element.INT) {
            throw new IllegalArgumentException(slot + " holds " + slot.element());
        }
        return ints[slot.ordinal()];
    }
}
