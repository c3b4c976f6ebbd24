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
            b.reals(Slot.ATOL)[i] = 1e-6;
            b.reals(Slot.RTOL)[i] = 1e-6;
            b.reals(Slot.DT_MAX)[i] = Double.POSITIVE_INFINITY;
            b.ints(Slot.MAX_STEPS)[i] = 100_000;
        }
        return b;
    }

    public static SolveBuffers create(int instances, int states, int params, int evalCount) {
        return create(instances, states, params, evalCount, ControllerCoefficients.integral());
    }

    /** Sets instance i's problem: initial state, span, parameters, evaluation times spread evenly in (t0, t1]. */
    public static void set(SolveBuffers b, int i, double[] y0, double t0, double t1, double... params) {
        System.arraycopy(y0, 0, b.reals(Slot.Y0), i * b.stateCount, b.stateCount);
        System.arraycopy(params, 0, b.reals(Slot.PARAMS), i * b.paramCount, b.paramCount);
        b.reals(Slot.T0)[i] = t0;
        b.reals(Slot.T1)[i] = t1;
        for (int k = 0; k < b.evalCount; k++) {
            b.reals(Slot.EVAL_TIMES)[i * b.evalCount + k] = t0 + (t1 - t0) * (k + 1) / b.evalCount;
        }
    }

    /** A fresh batch with a copy of every instance's inputs and no outputs yet. */
    public static SolveBuffers copyInputs(SolveBuffers b) {
        SolveBuffers c = new SolveBuffers(b.instances, b.stateCount, b.paramCount, b.evalCount, b.controller);
        System.arraycopy(b.reals(Slot.Y0), 0, c.reals(Slot.Y0), 0, b.reals(Slot.Y0).length);
        System.arraycopy(b.reals(Slot.PARAMS), 0, c.reals(Slot.PARAMS), 0, b.reals(Slot.PARAMS).length);
        System.arraycopy(b.reals(Slot.EVAL_TIMES), 0, c.reals(Slot.EVAL_TIMES), 0, b.reals(Slot.EVAL_TIMES).length);
        System.arraycopy(b.reals(Slot.T0), 0, c.reals(Slot.T0), 0, b.instances);
        System.arraycopy(b.reals(Slot.T1), 0, c.reals(Slot.T1), 0, b.instances);
        System.arraycopy(b.reals(Slot.ATOL), 0, c.reals(Slot.ATOL), 0, b.instances);
        System.arraycopy(b.reals(Slot.RTOL), 0, c.reals(Slot.RTOL), 0, b.instances);
        System.arraycopy(b.reals(Slot.DT0), 0, c.reals(Slot.DT0), 0, b.instances);
        System.arraycopy(b.reals(Slot.DT_MIN), 0, c.reals(Slot.DT_MIN), 0, b.instances);
        System.arraycopy(b.reals(Slot.DT_MAX), 0, c.reals(Slot.DT_MAX), 0, b.instances);
        System.arraycopy(b.ints(Slot.MAX_STEPS), 0, c.ints(Slot.MAX_STEPS), 0, b.instances);
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
        System.arraycopy(b.reals(Slot.Y0), i * b.stateCount, s.reals(Slot.Y0), 0, b.stateCount);
        System.arraycopy(b.reals(Slot.PARAMS), i * b.paramCount, s.reals(Slot.PARAMS), 0, b.paramCount);
        System.arraycopy(b.reals(Slot.EVAL_TIMES), i * b.evalCount, s.reals(Slot.EVAL_TIMES), 0, b.evalCount);
        s.reals(Slot.T0)[0] = b.reals(Slot.T0)[i];
        s.reals(Slot.T1)[0] = b.reals(Slot.T1)[i];
        s.reals(Slot.ATOL)[0] = b.reals(Slot.ATOL)[i];
        s.reals(Slot.RTOL)[0] = b.reals(Slot.RTOL)[i];
        s.reals(Slot.DT0)[0] = b.reals(Slot.DT0)[i];
        s.reals(Slot.DT_MIN)[0] = b.reals(Slot.DT_MIN)[i];
        s.reals(Slot.DT_MAX)[0] = b.reals(Slot.DT_MAX)[i];
        s.ints(Slot.MAX_STEPS)[0] = b.ints(Slot.MAX_STEPS)[i];
        return s;
    }

    public static double[] yFinal(SolveBuffers b, int i) {
        double[] y = new double[b.stateCount];
        System.arraycopy(b.reals(Slot.Y_FINAL), i * b.stateCount, y, 0, b.stateCount);
        return y;
    }

    /** The state at evaluation point k of instance i. */
    public static double[] ys(SolveBuffers b, int i, int k) {
        double[] y = new double[b.stateCount];
        System.arraycopy(b.reals(Slot.YS), (i * b.evalCount + k) * b.stateCount, y, 0, b.stateCount);
        return y;
    }
}
