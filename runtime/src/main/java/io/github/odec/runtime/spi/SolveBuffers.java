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

    // Inputs.
    /** [instance * stateCount + j] */
    public final double[] y0;
    /** [instance * paramCount + p] */
    public final double[] params;
    public final double[] t0;
    public final double[] t1;
    /** [instance * evalCount + k], sorted in the direction of integration and inside [t0, t1]. */
    public final double[] evalTimes;
    public final double[] atol;
    public final double[] rtol;
    /** Initial step magnitude; 0 selects Hairer's initial step (for FIXED: required, > 0). */
    public final double[] dt0;
    /** Step magnitudes; an adaptive step that would fall below dtMin ends with REACHED_DT_MIN. */
    public final double[] dtMin;
    public final double[] dtMax;
    public final int[] maxSteps;
    public final ControllerCoefficients controller;

    // Outputs.
    /** [(instance * evalCount + k) * stateCount + j] */
    public final double[] ys;
    /** [instance * stateCount + j]: the state where the instance stopped. */
    public final double[] yFinal;
    public final double[] tFinal;
    /** {@link io.github.odec.runtime.Status#code()} per instance. */
    public final int[] status;
    public final int[] fEvals;
    public final int[] steps;
    public final int[] accepted;
    /** Evaluation points filled. */
    public final int[] initialized;

    public SolveBuffers(int instances, int stateCount, int paramCount, int evalCount, ControllerCoefficients controller) {
        if (instances < 0 || stateCount < 1 || paramCount < 0 || evalCount < 0) {
            throw new IllegalArgumentException("bad shape: instances=" + instances + ", states=" + stateCount
                    + ", params=" + paramCount + ", evalCount=" + evalCount);
        }
        this.instances = instances;
        this.stateCount = stateCount;
        this.paramCount = paramCount;
        this.evalCount = evalCount;
        this.controller = Objects.requireNonNull(controller);
        y0 = new double[Math.multiplyExact(instances, stateCount)];
        params = new double[Math.multiplyExact(instances, paramCount)];
        t0 = new double[instances];
        t1 = new double[instances];
        evalTimes = new double[Math.multiplyExact(instances, evalCount)];
        atol = new double[instances];
        rtol = new double[instances];
        dt0 = new double[instances];
        dtMin = new double[instances];
        dtMax = new double[instances];
        maxSteps = new int[instances];
        ys = new double[Math.multiplyExact(Math.multiplyExact(instances, evalCount), stateCount)];
        yFinal = new double[Math.multiplyExact(instances, stateCount)];
        tFinal = new double[instances];
        status = new int[instances];
        fEvals = new int[instances];
        steps = new int[instances];
        accepted = new int[instances];
        initialized = new int[instances];
    }
}
