package io.github.odec.runtime;

import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of solving a batch: per instance, the state at each evaluation time, the final state
 * and time, a status and statistics. Evaluation points an instance did not reach (it stopped early)
 * read NaN. Instances may have different numbers of evaluation points ({@link #evalCount(int)}).
 * Immutable once returned.
 */
public final class Solution {

    private final SystemLayout layout;
    private final SolveBuffers buffers;
    private final Map<String, Integer> stateIndex = new HashMap<>();
    /** Points per instance; null when every instance has all {@code buffers.evalCount}. */
    private final int[] evalCounts;
    private final Precision precision;

    /**
     * Wraps buffers whose instances asked for {@code evalCounts[i]} points each (at most
     * {@code buffers.evalCount}; the rest of an instance's rows are padding, hidden here), computed
     * in {@code precision} (with F32 every state value is a float widened to double). Made by
     * {@link SolveBufferPacking#solution}; the buffers must not change afterwards.
     */
    Solution(SystemLayout layout, SolveBuffers buffers, int[] evalCounts, Precision precision) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.buffers = Objects.requireNonNull(buffers, "buffers");
        this.precision = Objects.requireNonNull(precision, "precision");
        if (evalCounts != null) {
            if (evalCounts.length != buffers.instances) {
                throw new IllegalArgumentException(evalCounts.length + " evaluation counts for " + buffers.instances
                        + " instances");
            }
            for (int count : evalCounts) {
                if (count < 0 || count > buffers.evalCount) {
                    throw new IllegalArgumentException("evaluation count " + count + " outside [0, " + buffers.evalCount + "]");
                }
            }
        }
        this.evalCounts = evalCounts == null || Arrays.stream(evalCounts).allMatch(c -> c == buffers.evalCount)
                ? null : evalCounts.clone();
        if (buffers.stateCount != layout.stateCount()) {
            throw new IllegalArgumentException("buffers hold " + buffers.stateCount + " states, layout "
                    + layout.stateCount());
        }
        for (int j = 0; j < layout.stateCount(); j++) {
            stateIndex.put(layout.stateNames().get(j), j);
        }
    }

    public SystemLayout layout() {
        return layout;
    }

    /**
     * The precision the solver computed in. With F32 every state value and final time is a float
     * widened to double, and the solver evaluated at each evaluation time rounded to float.
     */
    public Precision precision() {
        return precision;
    }

    public int instances() {
        return buffers.instances;
    }

    /** Evaluation points per instance, the most any instance has; 0 when only final states were kept. */
    public int evalCount() {
        return buffers.evalCount;
    }

    /** The evaluation points this instance asked for (the same for all unless its batch gave rows of different lengths). */
    public int evalCount(int instance) {
        checkInstance(instance);
        return evalCounts == null ? buffers.evalCount : evalCounts[instance];
    }

    /** Component {@code j} (layout order) of {@code instance}'s state at its k-th evaluation time. */
    public double value(int instance, int k, int j) {
        checkPoint(instance, k);
        if (j < 0 || j >= buffers.stateCount) {
            throw new IndexOutOfBoundsException("component " + j + " of " + buffers.stateCount);
        }
        return buffers.ys[(instance * buffers.evalCount + k) * buffers.stateCount + j];
    }

    /** Component {@code name} ({@code "x"}, {@code "u[3]"}) at the k-th evaluation time. */
    public double value(int instance, int k, String name) {
        return value(instance, k, component(name));
    }

    /** The whole state at the k-th evaluation time (a copy). */
    public double[] state(int instance, int k) {
        checkPoint(instance, k);
        int from = (instance * buffers.evalCount + k) * buffers.stateCount;
        return Arrays.copyOfRange(buffers.ys, from, from + buffers.stateCount);
    }

    public double evalTime(int instance, int k) {
        checkPoint(instance, k);
        return buffers.evalTimes[instance * buffers.evalCount + k];
    }

    /** The state where the instance stopped (t1 on success), a copy. */
    public double[] finalState(int instance) {
        checkInstance(instance);
        int from = instance * buffers.stateCount;
        return Arrays.copyOfRange(buffers.yFinal, from, from + buffers.stateCount);
    }

    /** Component {@code j} of the final state, without copying the state. */
    public double finalValue(int instance, int j) {
        checkInstance(instance);
        if (j < 0 || j >= buffers.stateCount) {
            throw new IndexOutOfBoundsException("component " + j + " of " + buffers.stateCount);
        }
        return buffers.yFinal[instance * buffers.stateCount + j];
    }

    public double finalValue(int instance, String name) {
        checkInstance(instance);
        return buffers.yFinal[instance * buffers.stateCount + component(name)];
    }

    /**
     * The value of the observe {@code name} ({@code observe peak = max(I);}) for the instance: over
     * the points it accepted, up to where it stopped.
     */
    public double observe(int instance, String name) {
        checkInstance(instance);
        int k = layout.observeNames().indexOf(Objects.requireNonNull(name, "name"));
        if (k < 0) {
            throw new InvalidInputException("unknown observe '" + name + "'; system '" + layout.systemName() + "' has "
                    + (layout.observeCount() == 0 ? "none" : String.join(", ", layout.observeNames())));
        }
        return observe(instance, k);
    }

    /** The instance's observe number {@code index}, in the order of {@link SystemLayout#observeNames()}. */
    public double observe(int instance, int index) {
        checkInstance(instance);
        Objects.checkIndex(index, layout.observeCount());
        return buffers.reals(Slot.OBSERVES)[instance * layout.observeCount() + index];
    }

    /** Where the instance stopped: t1 on success, earlier otherwise. */
    public double finalTime(int instance) {
        checkInstance(instance);
        return buffers.tFinal[instance];
    }

    public Status status(int instance) {
        checkInstance(instance);
        return Status.ofCode(buffers.status[instance]);
    }

    public Statistics statistics(int instance) {
        checkInstance(instance);
        // Padding points are filled after the instance's own, so they only ever add to the count.
        return new Statistics(buffers.fEvals[instance], buffers.steps[instance], buffers.accepted[instance],
                buffers.ints(Slot.REJECTED)[instance], Math.min(buffers.initialized[instance], evalCount(instance)),
                buffers.reals(Slot.H_LAST)[instance], buffers.reals(Slot.H_MIN)[instance],
                buffers.reals(Slot.H_MAX)[instance], buffers.tFinal[instance]);
    }

    /** How many instances ended with each status; every status is a key, with 0 where none did. */
    public Map<Status, Integer> countsByStatus() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (int i = 0; i < buffers.instances; i++) {
            counts.merge(Status.ofCode(buffers.status[i]), 1, Integer::sum);
        }
        return counts;
    }

    public int count(Status status) {
        int n = 0;
        for (int i = 0; i < buffers.instances; i++) {
            if (buffers.status[i] == status.code()) {
                n++;
            }
        }
        return n;
    }

    public boolean allSucceeded() {
        return count(Status.SUCCESS) == buffers.instances;
    }

    private int component(String name) {
        Integer j = stateIndex.get(Objects.requireNonNull(name, "name"));
        if (j == null) {
            throw new InvalidInputException("unknown state component '" + name + "'; system '" + layout.systemName()
                    + "' has: " + String.join(", ", layout.stateNames()));
        }
        return j;
    }

    private void checkInstance(int instance) {
        if (instance < 0 || instance >= buffers.instances) {
            throw new IndexOutOfBoundsException("instance " + instance + " of " + buffers.instances);
        }
    }

    private void checkPoint(int instance, int k) {
        checkInstance(instance);
        if (buffers.evalCount == 0) {
            throw new IllegalStateException("this batch had no evaluation times: use finalState(instance)");
        }
        int count = evalCount(instance);
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("evaluation point " + k + " of " + count
                    + (count < buffers.evalCount ? " (instance " + instance + " asked for " + count + ")" : ""));
        }
    }
}
