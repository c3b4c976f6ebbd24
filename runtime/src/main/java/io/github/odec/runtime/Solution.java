package io.github.odec.runtime;

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
 * read NaN. Immutable once returned.
 */
public final class Solution {

    private final SystemLayout layout;
    private final SolveBuffers buffers;
    private final Map<String, Integer> stateIndex = new HashMap<>();

    /** Wraps buffers a solver has written; they must not change afterwards. */
    public Solution(SystemLayout layout, SolveBuffers buffers) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.buffers = Objects.requireNonNull(buffers, "buffers");
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

    public int instances() {
        return buffers.instances;
    }

    /** Evaluation points per instance; 0 when only final states were kept. */
    public int evalCount() {
        return buffers.evalCount;
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

    public double finalValue(int instance, String name) {
        checkInstance(instance);
        return buffers.yFinal[instance * buffers.stateCount + component(name)];
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
        return new Statistics(buffers.fEvals[instance], buffers.steps[instance], buffers.accepted[instance],
                buffers.initialized[instance]);
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
        if (k < 0 || k >= buffers.evalCount) {
            throw new IndexOutOfBoundsException("evaluation point " + k + " of " + buffers.evalCount);
        }
    }
}
