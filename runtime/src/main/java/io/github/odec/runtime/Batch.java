package io.github.odec.runtime;

import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * N independent initial value problems of one system: initial states, parameters, spans,
 * evaluation times and tolerances, each shared or per instance. Setters return {@code this} so
 * calls chain; a later call overrides an earlier one for the instances it covers.
 *
 * <p>Shapes (array lengths), names and instance indices are checked when set; values (NaN,
 * infinities, unsorted evaluation times, spans) by {@link #validate()}, which the solver calls
 * before any solving starts. Unset values take the layout's defaults; tolerances default to
 * rtol = 1e-3 and atol = 1e-6, as in scipy's solve_ivp. The span has no default.
 *
 * <p>Not thread-safe: fill a batch from one thread, then solve it.
 */
public final class Batch {

    public static final double DEFAULT_RTOL = 1e-3;
    public static final double DEFAULT_ATOL = 1e-6;

    private final SystemLayout layout;
    private final int size;
    private final int stateCount;
    private final int paramCount;
    private final Map<String, Integer> stateIndex;
    private final Map<String, Integer> paramIndex;

    /** [instance * stateCount + j]; layout defaults until set. */
    private final double[] y0;
    private final boolean[] y0Given;
    /** [instance * paramCount + p]; layout defaults until set. */
    private final double[] params;
    private final boolean[] paramGiven;
    private final double[] t0;
    private final double[] t1;
    private final boolean[] t0Given;
    private final boolean[] t1Given;
    private final double[] atol;
    private final double[] rtol;
    private EvaluationTimes evaluationTimes = new EvaluationTimes.FinalOnly();
    /** Where this batch sits in a larger one solved in chunks ({@link #numberedFrom}): for messages only. */
    private long first;
    private long total;

    public Batch(SystemLayout layout, int size) {
        this.layout = Objects.requireNonNull(layout, "layout");
        if (size < 0) {
            throw new InvalidInputException("batch size must be >= 0, got " + size);
        }
        this.size = size;
        this.total = size;
        this.stateCount = layout.stateCount();
        this.paramCount = layout.paramCount();
        new BatchMemory(size, stateCount, paramCount, 0).inputExcess(BatchMemory.maxHeap()).ifPresent(excess -> {
            throw new InvalidInputException("new Batch(layout, size): size " + size + " of system '" + layout.systemName()
                    + "' (" + stateCount + " states, " + paramCount + " parameters) needs " + excess
                    + "; solve it as several smaller batches, or give Java more heap (-Xmx)");
        });
        this.stateIndex = indexOf(layout.stateNames().toArray(String[]::new));
        this.paramIndex = indexOf(layout.paramNames().toArray(String[]::new));
        y0 = new double[Math.multiplyExact(size, stateCount)];
        y0Given = new boolean[y0.length];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < stateCount; j++) {
                y0[i * stateCount + j] = layout.stateDefaults().get(j);
            }
        }
        params = new double[Math.multiplyExact(size, paramCount)];
        paramGiven = new boolean[params.length];
        for (int i = 0; i < size; i++) {
            for (int p = 0; p < paramCount; p++) {
                params[i * paramCount + p] = layout.paramDefaults().get(p);
            }
        }
        t0 = new double[size];
        t1 = new double[size];
        t0Given = new boolean[size];
        t1Given = new boolean[size];
        atol = new double[size];
        rtol = new double[size];
        Arrays.fill(atol, DEFAULT_ATOL);
        Arrays.fill(rtol, DEFAULT_RTOL);
    }

    private static Map<String, Integer> indexOf(String[] names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
        return index;
    }

    public SystemLayout layout() {
        return layout;
    }

    /** Number of instances. */
    public int size() {
        return size;
    }

    public EvaluationTimes evaluationTimes() {
        return evaluationTimes;
    }

    /** Evaluation points per instance in the solver's buffers (the most any instance has); 0 when only final states are wanted. */
    public int evalCount() {
        return evaluationTimes.count();
    }

    /** The evaluation points this instance asked for. */
    public int evalCount(int instance) {
        checkInstance(instance);
        return evaluationTimes.count(instance);
    }

    // ---- initial states

    /** The same initial state for every instance, in layout order. */
    public Batch y0(double[] shared) {
        checkLength("y0", shared, stateCount, String.join(", ", layout.stateNames()));
        for (int i = 0; i < size; i++) {
            System.arraycopy(shared, 0, y0, i * stateCount, stateCount);
        }
        Arrays.fill(y0Given, true);
        return this;
    }

    /** {@code perInstance[instance][component]}, in layout order. */
    public Batch y0(double[][] perInstance) {
        checkRows("y0", perInstance);
        for (int i = 0; i < size; i++) {
            checkLength("y0 row of instance " + i, perInstance[i], stateCount, String.join(", ", layout.stateNames()));
            System.arraycopy(perInstance[i], 0, y0, i * stateCount, stateCount);
        }
        Arrays.fill(y0Given, true);
        return this;
    }

    /** One state component ({@code "x"}, {@code "u[3]"}) for every instance. */
    public Batch state(String name, double value) {
        int j = stateComponent(name);
        for (int i = 0; i < size; i++) {
            y0[i * stateCount + j] = value;
            y0Given[i * stateCount + j] = true;
        }
        return this;
    }

    /** One state component of one instance. */
    public Batch state(String name, int instance, double value) {
        int j = stateComponent(name);
        checkInstance(instance);
        y0[instance * stateCount + j] = value;
        y0Given[instance * stateCount + j] = true;
        return this;
    }

    // ---- parameters

    /** All parameters, shared, in layout order. */
    public Batch params(double[] shared) {
        checkLength("params", shared, paramCount, String.join(", ", layout.paramNames()));
        for (int i = 0; i < size; i++) {
            System.arraycopy(shared, 0, params, i * paramCount, paramCount);
        }
        Arrays.fill(paramGiven, true);
        return this;
    }

    /** {@code perInstance[instance][parameter]}, in layout order. */
    public Batch params(double[][] perInstance) {
        checkRows("params", perInstance);
        for (int i = 0; i < size; i++) {
            checkLength("params row of instance " + i, perInstance[i], paramCount,
                    String.join(", ", layout.paramNames()));
            System.arraycopy(perInstance[i], 0, params, i * paramCount, paramCount);
        }
        Arrays.fill(paramGiven, true);
        return this;
    }

    public Batch param(String name, double value) {
        int p = parameter(name);
        for (int i = 0; i < size; i++) {
            params[i * paramCount + p] = value;
            paramGiven[i * paramCount + p] = true;
        }
        return this;
    }

    public Batch param(String name, int instance, double value) {
        int p = parameter(name);
        checkInstance(instance);
        params[instance * paramCount + p] = value;
        paramGiven[instance * paramCount + p] = true;
        return this;
    }

    // ---- spans

    /** The same span for every instance; t1 < t0 integrates backwards. */
    public Batch span(double t0, double t1) {
        Arrays.fill(this.t0, t0);
        Arrays.fill(this.t1, t1);
        Arrays.fill(t0Given, true);
        Arrays.fill(t1Given, true);
        return this;
    }

    public Batch span(int instance, double t0, double t1) {
        return t0(instance, t0).t1(instance, t1);
    }

    /** {@code t0[instance]}, {@code t1[instance]}. */
    public Batch span(double[] t0, double[] t1) {
        checkLength("t0", t0, size, "one per instance");
        checkLength("t1", t1, size, "one per instance");
        System.arraycopy(t0, 0, this.t0, 0, size);
        System.arraycopy(t1, 0, this.t1, 0, size);
        Arrays.fill(t0Given, true);
        Arrays.fill(t1Given, true);
        return this;
    }

    public Batch t0(int instance, double t0) {
        checkInstance(instance);
        this.t0[instance] = t0;
        t0Given[instance] = true;
        return this;
    }

    public Batch t1(int instance, double t1) {
        checkInstance(instance);
        this.t1[instance] = t1;
        t1Given[instance] = true;
        return this;
    }

    // ---- evaluation times

    /** The same evaluation times for every instance; none at all means the final state only. */
    public Batch evalTimes(double... shared) {
        Objects.requireNonNull(shared, "evalTimes");
        evaluationTimes = shared.length == 0 ? new EvaluationTimes.FinalOnly() : new EvaluationTimes.Shared(shared);
        return this;
    }

    /**
     * {@code perInstance[instance][k]}. Rows may differ in length: each instance gets the points it
     * asks for ({@link Solution#evalCount(int)}); an empty row keeps that instance's final state only.
     */
    public Batch evalTimes(double[][] perInstance) {
        checkRows("evalTimes", perInstance);
        boolean none = true;
        for (double[] row : perInstance) {
            none &= row.length == 0;
        }
        evaluationTimes = none ? new EvaluationTimes.FinalOnly() : new EvaluationTimes.PerInstance(perInstance);
        return this;
    }

    /** {@code points} times evenly spaced from each instance's t0 to its t1, both included. */
    public Batch evalTimesEvenlySpaced(int points) {
        if (points < 2) {
            throw new InvalidInputException("evalTimesEvenlySpaced needs at least 2 points (t0 and t1), got " + points);
        }
        BatchMemory memory = new BatchMemory(size, stateCount, paramCount, points);
        if (memory.largestArray() > BatchMemory.MAX_ARRAY) {
            throw new InvalidInputException("evalTimesEvenlySpaced(" + points + "): " + size + " instances × " + points
                    + " points × " + stateCount + " states " + memory.excess(Long.MAX_VALUE).orElseThrow()
                    + "; use fewer points or solve the instances as several smaller batches");
        }
        evaluationTimes = new EvaluationTimes.EvenlySpaced(points);
        return this;
    }

    /** Forget evaluation times: keep the final state only. */
    public Batch finalStateOnly() {
        evaluationTimes = new EvaluationTimes.FinalOnly();
        return this;
    }

    // ---- tolerances

    public Batch atol(double shared) {
        Arrays.fill(atol, shared);
        return this;
    }

    public Batch atol(int instance, double value) {
        checkInstance(instance);
        atol[instance] = value;
        return this;
    }

    public Batch atol(double[] perInstance) {
        checkLength("atol", perInstance, size, "one per instance");
        System.arraycopy(perInstance, 0, atol, 0, size);
        return this;
    }

    public Batch rtol(double shared) {
        Arrays.fill(rtol, shared);
        return this;
    }

    public Batch rtol(int instance, double value) {
        checkInstance(instance);
        rtol[instance] = value;
        return this;
    }

    public Batch rtol(double[] perInstance) {
        checkLength("rtol", perInstance, size, "one per instance");
        System.arraycopy(perInstance, 0, rtol, 0, size);
        return this;
    }

    // ---- validation and hand-over to a solver

    /**
     * Checks every value of every instance and reports all problems at once. A bad value that every
     * instance shares (a shared setter's, a command-line option's) is one problem, not one per
     * instance.
     *
     * @throws InvalidInputException naming each offending argument and instance
     */
    public void validate() {
        InputProblemList problems = new InputProblemList();
        for (int j = 0; j < stateCount; j++) {
            int component = j;
            checkValues(problems, InputArgument.Y0, layout.stateNames().get(j), i -> y0[i * stateCount + component],
                    i -> y0Given[i * stateCount + component]);
        }
        for (int p = 0; p < paramCount; p++) {
            int parameter = p;
            checkValues(problems, InputArgument.PARAM, layout.paramNames().get(p),
                    i -> params[i * paramCount + parameter], i -> paramGiven[i * paramCount + parameter]);
        }
        boolean spansOk = checkSpans(problems);
        checkTolerances(problems, InputArgument.ATOL, atol);
        checkTolerances(problems, InputArgument.RTOL, rtol);
        if (spansOk) {
            checkEvalTimes(problems);
        }
        problems.throwIfAny();
    }

    /** How a problem shared by every instance ends: which instances it covers (nothing for a batch of one). */
    private String everyInstance() {
        if (total == size) {
            return size == 1 ? "" : " (in all " + size + " instances)";
        }
        return " (in instances " + first + " to " + (first + size - 1) + " of " + total + ")";
    }

    /** The instance's number in the whole batch this one is a chunk of. */
    private long number(int instance) {
        return first + instance;
    }

    /**
     * Makes this batch instances {@code first} to {@code first + size() - 1} of a batch of {@code total}
     * solved in chunks, so that {@link #validate()} names instances by their number in the whole batch.
     */
    public Batch numberedFrom(long first, long total) {
        if (first < 0 || total < first + size) {
            throw new InvalidInputException("numberedFrom(" + first + ", " + total + "): a batch of " + size
                    + " instances does not fit there");
        }
        this.first = first;
        this.total = total;
        return this;
    }

    /** Whether every instance holds the same value (NaN equal to NaN), so one message covers them all. */
    private boolean uniform(IntToDoubleFunction value, IntPredicate given) {
        for (int i = 1; i < size; i++) {
            if (Double.compare(value.applyAsDouble(i), value.applyAsDouble(0)) != 0 || given.test(i) != given.test(0)) {
                return false;
            }
        }
        return size > 0;
    }

    /** Messages are built only for bad values: a million valid instances allocate nothing here. */
    private void checkValues(InputProblemList problems, InputArgument kind, String name, IntToDoubleFunction value,
                             IntPredicate given) {
        if (uniform(value, given)) {
            if (!Double.isFinite(value.applyAsDouble(0))) {
                problems.add(notFinite("{0} '" + name + "'", value.applyAsDouble(0), given.test(0)) + everyInstance(),
                        kind);
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            double v = value.applyAsDouble(i);
            if (!Double.isFinite(v)) {
                problems.add(notFinite("{0} '" + name + "' of instance " + number(i), v, given.test(i)), kind);
            }
        }
    }

    private static String notFinite(String what, double value, boolean given) {
        return Double.isNaN(value) && !given
                ? what + " has no value and the system gives no default"
                : what + " is " + value + "; it must be finite";
    }

    /** Whether every span is set and finite (the evaluation times are checked against them). */
    private boolean checkSpans(InputProblemList problems) {
        boolean ok = true;
        for (int i = 0; i < size; i++) {
            if (!t0Given[i] || !t1Given[i]) {
                String missing = !t0Given[i] && !t1Given[i] ? "{0}" : !t0Given[i] ? "{1}" : "{2}";
                problems.add(missing + " of instance " + number(i) + " is not set (use span(t0, t1))", InputArgument.SPAN,
                        InputArgument.T0, InputArgument.T1);
                ok = false;
            }
        }
        if (!ok) {
            return false;
        }
        ok &= checkTimes(problems, InputArgument.T0, t0);
        ok &= checkTimes(problems, InputArgument.T1, t1);
        if (ok) {
            ok = checkSpanLengths(problems);
        }
        // t0 == t1 is valid: that instance returns y0 with SUCCESS, as solve_ivp and diffrax do.
        return ok;
    }

    /**
     * Steps, evaluation times spread over the span and the slack at t1 are all computed from t1 - t0:
     * a length that overflows makes them NaN or infinite.
     */
    private boolean checkSpanLengths(InputProblemList problems) {
        if (uniform(i -> t0[i], i -> true) && uniform(i -> t1[i], i -> true)) {
            if (!Double.isFinite(t1[0] - t0[0])) {
                problems.add("{0} is [" + t0[0] + ", " + t1[0] + "]; its length t1 - t0 overflows to " + (t1[0] - t0[0])
                        + ", so it cannot be integrated (shift or rescale time)" + everyInstance(), InputArgument.SPAN);
                return false;
            }
            return true;
        }
        boolean ok = true;
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(t1[i] - t0[i])) {
                problems.add("{0} of instance " + number(i) + " is [" + t0[i] + ", " + t1[i] + "]; its length t1 - t0 overflows to "
                        + (t1[i] - t0[i]) + ", so it cannot be integrated (shift or rescale time)", InputArgument.SPAN);
                ok = false;
            }
        }
        return ok;
    }

    private boolean checkTimes(InputProblemList problems, InputArgument kind, double[] times) {
        if (uniform(i -> times[i], i -> true)) {
            if (!Double.isFinite(times[0])) {
                problems.add("{0} is " + times[0] + "; it must be finite" + everyInstance(), kind);
                return false;
            }
            return true;
        }
        boolean ok = true;
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(times[i])) {
                problems.add("{0} of instance " + number(i) + " is " + times[i] + "; it must be finite", kind);
                ok = false;
            }
        }
        return ok;
    }

    private void checkTolerances(InputProblemList problems, InputArgument kind, double[] values) {
        if (uniform(i -> values[i], i -> true)) {
            if (!isTolerance(values[0])) {
                problems.add("{0} must be finite and > 0, got " + values[0] + everyInstance(), kind);
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            if (!isTolerance(values[i])) {
                problems.add("{0} of instance " + number(i) + " must be finite and > 0, got " + values[i], kind);
            }
        }
    }

    private static boolean isTolerance(double value) {
        return value > 0 && !Double.isInfinite(value);
    }

    /**
     * Assumes valid spans. Checks finiteness, bounds and order in the direction of integration; shared
     * times on a shared span are checked once, and a problem with them is one message.
     */
    private void checkEvalTimes(InputProblemList problems) {
        switch (evaluationTimes) {
            case EvaluationTimes.FinalOnly _, EvaluationTimes.EvenlySpaced _ -> {
                // nothing to check, or made from a valid span: inside and sorted by construction
            }
            case EvaluationTimes.Shared _ when uniform(i -> t0[i], i -> true) && uniform(i -> t1[i], i -> true) ->
                    checkEvalTimes(problems, 0, "", everyInstance());
            case EvaluationTimes.Shared _, EvaluationTimes.PerInstance _ -> {
                for (int i = 0; i < size; i++) {
                    checkEvalTimes(problems, i, " of instance " + number(i), "");
                }
            }
        }
    }

    private void checkEvalTimes(InputProblemList problems, int i, String ofInstance, String suffix) {
        int count = evaluationTimes.count(i);
        double lo = Math.min(t0[i], t1[i]);
        double hi = Math.max(t0[i], t1[i]);
        double direction = Math.signum(t1[i] - t0[i]);
        double previous = t0[i];
        for (int k = 0; k < count; k++) {
            double t = evalTime(i, k);
            boolean inside = t >= lo && t <= hi;
            if (inside && (t - previous) * direction >= 0) {
                previous = t;
                continue; // the common case builds no message
            }
            String where = "{0}" + ofInstance + " at index " + k;
            if (!Double.isFinite(t)) {
                problems.add(where + " is " + t + "; it must be finite" + suffix, InputArgument.EVAL_TIMES);
                return;
            }
            if (t < lo || t > hi) {
                problems.add(where + " is " + t + ", outside the span [" + t0[i] + ", " + t1[i] + "]" + suffix,
                        InputArgument.EVAL_TIMES);
                return;
            }
            if ((t - previous) * direction < 0) {
                problems.add(where + " is " + t + " after " + previous + ": not sorted in the direction of integration ("
                        + (direction > 0 ? "increasing" : "decreasing") + ")" + suffix, InputArgument.EVAL_TIMES);
                return;
            }
        }
    }

    private double evalTime(int instance, int k) {
        return evaluationTimes.time(instance, k, t0[instance], t1[instance]);
    }

    /** Copies the inputs into buffers shaped for this batch ({@link SolveBufferPacking}). Call {@link #validate()} first. */
    void copyInputs(SolveBuffers buffers) {
        if (buffers.instances != size || buffers.stateCount != stateCount || buffers.paramCount != paramCount
                || buffers.evalCount != evalCount()) {
            throw new IllegalArgumentException("buffers are not shaped for this batch");
        }
        System.arraycopy(y0, 0, buffers.y0, 0, y0.length);
        System.arraycopy(params, 0, buffers.params, 0, params.length);
        System.arraycopy(t0, 0, buffers.t0, 0, size);
        System.arraycopy(t1, 0, buffers.t1, 0, size);
        System.arraycopy(atol, 0, buffers.atol, 0, size);
        System.arraycopy(rtol, 0, buffers.rtol, 0, size);
        int count = evalCount();
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < count; k++) {
                buffers.evalTimes[i * count + k] = evalTime(i, k);
            }
        }
    }

    // ---- shape, name and index checks (at the call, so the stack points at the mistake)

    private int stateComponent(String name) {
        Integer j = stateIndex.get(Objects.requireNonNull(name, "name"));
        if (j == null) {
            throw new InvalidInputException("unknown state component '" + name + "'; system '" + layout.systemName()
                    + "' has: " + String.join(", ", layout.stateNames()));
        }
        return j;
    }

    private int parameter(String name) {
        Integer p = paramIndex.get(Objects.requireNonNull(name, "name"));
        if (p == null) {
            throw new InvalidInputException("unknown parameter '" + name + "'; system '" + layout.systemName()
                    + "' has: " + (paramCount == 0 ? "no parameters" : String.join(", ", layout.paramNames())));
        }
        return p;
    }

    private void checkInstance(int instance) {
        if (instance < 0 || instance >= size) {
            throw new InvalidInputException("instance " + instance + " is outside the batch of " + size + " instances");
        }
    }

    private static void checkLength(String what, double[] values, int expected, String meaning) {
        Objects.requireNonNull(values, what);
        if (values.length != expected) {
            throw new InvalidInputException(what + ": expected " + expected + " values (" + meaning + "), got "
                    + values.length);
        }
    }

    private void checkRows(String what, double[][] rows) {
        Objects.requireNonNull(rows, what);
        if (rows.length != size) {
            throw new InvalidInputException(what + ": expected " + size + " rows (one per instance), got " + rows.length);
        }
        for (int i = 0; i < size; i++) {
            Objects.requireNonNull(rows[i], what + " row of instance " + i);
        }
    }
}
