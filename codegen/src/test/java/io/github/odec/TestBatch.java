package io.github.odec;

import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;

/**
 * Fills SolveBuffers for tests (the user-facing Batch API is written elsewhere). Defaults: rtol =
 * atol = 1e-6, Hairer's initial step, no dtMin, no dtMax, 100000 steps.
 */
public final class TestBatch {

    private TestBatch() {}

    public static SolveBuffers create(int instances, int states, int params, int evalCount, ControllerCoefficients c) {
        SolveBuffers b = new SolveBuffers(instances, states, params, evalCount, c);
        for (int i = 0; i < instances; i++) {
            b.atol[i] = 1e-6;
            b.rtol[i] = 1e-6;
            b.dtMax[i] = Double.POSITIVE_INFINITY;
            b.maxSteps[i] = 100_000;
        }
        return b;
    }

    public static SolveBuffers create(int instances, int states, int params, int evalCount) {
        return create(instances, states, params, evalCount, ControllerCoefficients.integral());
    }

    /** Sets instance i's problem: initial state, span, parameters, evaluation times spread evenly in (t0, t1]. */
    public static void set(SolveBuffers b, int i, double[] y0, double t0, double t1, double... params) {
        System.arraycopy(y0, 0, b.y0, i * b.stateCount, b.stateCount);
        System.arraycopy(params, 0, b.params, i * b.paramCount, b.paramCount);
        b.t0[i] = t0;
        b.t1[i] = t1;
        for (int k = 0; k < b.evalCount; k++) {
            b.evalTimes[i * b.evalCount + k] = t0 + (t1 - t0) * (k + 1) / b.evalCount;
        }
    }

    /** A fresh batch with a copy of every instance's inputs and no outputs yet. */
    public static SolveBuffers copyInputs(SolveBuffers b) {
        SolveBuffers c = new SolveBuffers(b.instances, b.stateCount, b.paramCount, b.evalCount, b.controller);
        System.arraycopy(b.y0, 0, c.y0, 0, b.y0.length);
        System.arraycopy(b.params, 0, c.params, 0, b.params.length);
        System.arraycopy(b.evalTimes, 0, c.evalTimes, 0, b.evalTimes.length);
        System.arraycopy(b.t0, 0, c.t0, 0, b.instances);
        System.arraycopy(b.t1, 0, c.t1, 0, b.instances);
        System.arraycopy(b.atol, 0, c.atol, 0, b.instances);
        System.arraycopy(b.rtol, 0, c.rtol, 0, b.instances);
        System.arraycopy(b.dt0, 0, c.dt0, 0, b.instances);
        System.arraycopy(b.dtMin, 0, c.dtMin, 0, b.instances);
        System.arraycopy(b.dtMax, 0, c.dtMax, 0, b.instances);
        System.arraycopy(b.maxSteps, 0, c.maxSteps, 0, b.instances);
        return c;
    }

    /** Bit for bit, NaN payloads and signed zeros included: what "the same result" means in these tests. */
    public static void assertBits(double expected, double actual, String at) {
        org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(actual), at + ": " + expected + " vs " + actual);
    }

    /** Every output slot of a and b holds the same bits, element by element (the descriptor lists them). */
    public static void assertSameOutputs(SolveBuffers a, SolveBuffers b, String what) {
        for (Slot slot : Slot.values()) {
            if (!slot.output()) {
                continue;
            }
            switch (slot.element()) {
                case REAL -> {
                    double[] x = a.reals(slot);
                    double[] y = b.reals(slot);
                    for (int k = 0; k < x.length; k++) {
                        assertBits(x[k], y[k], what + " " + slot + "[" + k + "]");
                    }
                }
                case INT -> org.junit.jupiter.api.Assertions.assertArrayEquals(a.ints(slot), b.ints(slot),
                        what + " " + slot);
            }
        }
    }

    /** A batch of one holding a copy of instance i's inputs. */
    public static SolveBuffers single(SolveBuffers b, int i) {
        SolveBuffers s = new SolveBuffers(1, b.stateCount, b.paramCount, b.evalCount, b.controller);
        System.arraycopy(b.y0, i * b.stateCount, s.y0, 0, b.stateCount);
        System.arraycopy(b.params, i * b.paramCount, s.params, 0, b.paramCount);
        System.arraycopy(b.evalTimes, i * b.evalCount, s.evalTimes, 0, b.evalCount);
        s.t0[0] = b.t0[i];
        s.t1[0] = b.t1[i];
        s.atol[0] = b.atol[i];
        s.rtol[0] = b.rtol[i];
        s.dt0[0] = b.dt0[i];
        s.dtMin[0] = b.dtMin[i];
        s.dtMax[0] = b.dtMax[i];
        s.maxSteps[0] = b.maxSteps[i];
        return s;
    }

    public static double[] yFinal(SolveBuffers b, int i) {
        double[] y = new double[b.stateCount];
        System.arraycopy(b.yFinal, i * b.stateCount, y, 0, b.stateCount);
        return y;
    }

    /** The state at evaluation point k of instance i. */
    public static double[] ys(SolveBuffers b, int i, int k) {
        double[] y = new double[b.stateCount];
        System.arraycopy(b.ys, (i * b.evalCount + k) * b.stateCount, y, 0, b.stateCount);
        return y;
    }
}
