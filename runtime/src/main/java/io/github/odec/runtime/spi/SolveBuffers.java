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
