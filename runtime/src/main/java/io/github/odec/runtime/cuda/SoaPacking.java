package io.github.odec.runtime.cuda;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Moves one slot of a range of instances between SolveBuffers (instance-major doubles and ints) and
 * the kernel's structure-of-arrays bytes (element * count + instance, REAL in the solver's precision,
 * little-endian like every CUDA host). The host harness and the GPU path share it, so both feed
 * the kernel the same bytes. Narrowing to float rounds like Java's (float) cast in the CPU backend.
 */
public final class SoaPacking {

    private SoaPacking() {}

    public static int elementBytes(Slot slot, Precision p) {
        return slot.element() == Slot.Element.INT || p == Precision.F32 ? 4 : 8;
    }

    public static long bytes(Slot slot, SolveBuffers b, int from, int to, Precision p) {
        return (long) slot.width(b) * (to - from) * elementBytes(slot, p);
    }

    /** Appends instances [from, to) of the slot to {@code out}, structure of arrays. */
    public static void pack(Slot slot, SolveBuffers b, int from, int to, Precision p, ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        int w = slot.width(b);
        switch (slot.element()) {
            case REAL -> {
                double[] a = b.reals(slot);
                for (int e = 0; e < w; e++) {
                    for (int i = from; i < to; i++) {
                        double v = a[i * w + e];
                        if (p == Precision.F64) {
                            out.putDouble(v);
                        } else {
                            out.putFloat((float) v);
                        }
                    }
                }
            }
            case INT -> {
                int[] a = b.ints(slot);
                for (int e = 0; e < w; e++) {
                    for (int i = from; i < to; i++) {
                        out.putInt(a[i * w + e]);
                    }
                }
            }
        }
    }

    /** Reads instances [from, to) of the slot from {@code in} (structure of arrays) into SolveBuffers. */
    public static void unpack(Slot slot, SolveBuffers b, int from, int to, Precision p, ByteBuffer in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        int w = slot.width(b);
        switch (slot.element()) {
            case REAL -> {
                double[] a = b.reals(slot);
                for (int e = 0; e < w; e++) {
                    for (int i = from; i < to; i++) {
                        a[i * w + e] = p == Precision.F64 ? in.getDouble() : in.getFloat();
                    }
                }
            }
            case INT -> {
                int[] a = b.ints(slot);
                for (int e = 0; e < w; e++) {
                    for (int i = from; i < to; i++) {
                        a[i * w + e] = in.getInt();
                    }
                }
            }
        }
    }
}
