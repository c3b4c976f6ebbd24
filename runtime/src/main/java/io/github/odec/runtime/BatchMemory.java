package io.github.odec.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * The arrays a batch and its solve take, computed in long before any is allocated, so a batch too
 * large for one Java array or for the heap is refused with its numbers instead of failing with an
 * {@link ArithmeticException} or an {@link OutOfMemoryError} half way.
 *
 * <p>Counted: the batch's inputs ({@link Batch}: initial states, parameters, span, tolerances and
 * their "given" flags) and the solve's buffers ({@code SolveBuffers}: inputs again, evaluation times,
 * step limits, the values at every evaluation time, final states, status and counters). That is the
 * least a solve needs; the JVM needs a little more besides.
 *
 * @param instances  instances in the batch
 * @param states     state components per instance
 * @param params     parameters per instance
 * @param evalPoints evaluation times per instance (0: final state only)
 */
public record BatchMemory(long instances, int states, int params, long evalPoints) {

    /** The longest array a JVM allocates reliably (HotSpot refuses a few below Integer.MAX_VALUE). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    public BatchMemory {
        if (instances < 0 || states < 0 || params < 0 || evalPoints < 0) {
            throw new IllegalArgumentException("negative shape: " + instances + ", " + states + ", " + params + ", " + evalPoints);
        }
    }

    /** Elements of the longest array: the values at every evaluation time, else the states or parameters. */
    public long largestArray() {
        long perInstance = Math.max(Math.max(times(evalPoints, states), evalPoints), Math.max(states, params));
        return times(instances, perInstance);
    }

    /** Values the solve produces: one per instance, evaluation time and state (the final state without). */
    public long values() {
        return times(instances, times(Math.max(evalPoints, 1), states));
    }

    /** Bytes of the batch's own arrays (what {@code new Batch} allocates). */
    public long inputBytes() {
        return times(instances, inputBytesPerInstance());
    }

    /** Bytes of the batch and the solve's buffers together. */
    public long solveBytes() {
        return times(instances, plus(inputBytesPerInstance(), bufferBytesPerInstance()));
    }

    /** The most instances of this shape that fit one array and {@code heapBytes}; 0 if not even one does. */
    public long maxInstances(long heapBytes) {
        long perInstance = Math.max(Math.max(times(evalPoints, states), evalPoints), Math.max(states, params));
        long byArray = perInstance == 0 ? Long.MAX_VALUE : MAX_ARRAY / perInstance;
        long byHeap = heapBytes / plus(inputBytesPerInstance(), bufferBytesPerInstance());
        return Math.min(Math.min(byArray, byHeap), Integer.MAX_VALUE);
    }

    /**
     * Why a solve of this shape cannot run in {@code heapBytes}, or empty when it fits: the values, their
     * bytes and the limit they pass, as {@code "= 9.0e9 values (72 GB), more than this JVM's heap (6.0 GB)"}.
     */
    public Optional<String> excess(long heapBytes) {
        String amount = "= " + count(values()) + " values (" + bytes(solveBytes()) + " in all)";
        if (largestArray() > MAX_ARRAY) {
            return Optional.of(amount + ", more than one Java array holds (" + MAX_ARRAY + " values)");
        }
        if (solveBytes() > heapBytes) {
            return Optional.of(amount + ", more than this JVM's heap (" + bytes(heapBytes) + ")");
        }
        return Optional.empty();
    }

    /** Why {@code new Batch} cannot allocate this many instances, or empty. */
    Optional<String> inputExcess(long heapBytes) {
        long largest = times(instances, Math.max(states, params));
        if (largest > MAX_ARRAY) {
            return Optional.of(count(largest) + " initial values or parameters in one array, more than a Java array holds ("
                    + MAX_ARRAY + ")");
        }
        if (inputBytes() > heapBytes) {
            return Optional.of(bytes(inputBytes()) + " for the inputs alone, more than this JVM's heap (" + bytes(heapBytes) + ")");
        }
        return Optional.empty();
    }

    /** The heap this JVM may grow to ({@code -Xmx}). */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** y0 (8 + 1 for its flag), params (8 + 1), t0, t1, atol, rtol (8 each) and two flags. */
    private long inputBytesPerInstance() {
        return plus(times(9, states), plus(times(9, params), 34));
    }

    /**
     * y0, yFinal (8 per state each), params (8), evalTimes (8 per point), ys (8 per point and state);
     * t0, t1, atol, rtol, dt0, dtMin, dtMax, tFinal (8 each); maxSteps, status and four counters (4 each).
     */
    private long bufferBytesPerInstance() {
        return plus(plus(times(16, states), times(8, params)), plus(times(8, evalPoints), plus(times(8, times(evalPoints, states)), 88)));
    }

    private static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** A count for people: exact below a million, else like 9.0e9. */
    public static String count(long n) {
        if (n == Long.MAX_VALUE) {
            return "more than 9.2e18";
        }
        return n < 1_000_000 ? Long.toString(n) : String.format(Locale.ROOT, "%.1e", (double) n).replace("e+0", "e").replace("e+", "e");
    }

    /** Bytes for people, in decimal units (1 GB = 10^9 bytes): 96 GB, 6.0 GB, 512 MB. */
    public static String bytes(long n) {
        if (n == Long.MAX_VALUE) {
            return "more than 9.2 EB";
        }
        double gb = n / 1e9;
        if (gb >= 100) {
            return String.format(Locale.ROOT, "%.0f GB", gb);
        }
        if (gb >= 1) {
            return String.format(Locale.ROOT, "%.1f GB", gb);
        }
        return String.format(Locale.ROOT, "%.0f MB", Math.max(n / 1e6, 1));
    }
}
