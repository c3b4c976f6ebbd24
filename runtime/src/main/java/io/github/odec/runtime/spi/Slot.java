package io.github.odec.runtime.spi;

import io.github.odec.runtime.StepControllerKind;
import java.util.Arrays;
import java.util.List;

/**
 * The per-instance inputs and outputs of a generated solver: the one list from which SolveBuffers
 * allocates its arrays, the IR addresses memory, the Java and CUDA printers name their parameters,
 * the structure-of-arrays packer and the cuda-host harness move bytes, and Solution reads results.
 * The declaration order is the CUDA kernel's parameter order (of the slots a spec uses).
 * Adding a per-instance output is one row here plus the lowering that stores it.
 *
 * <p>Each instance owns a block of {@link Width} elements of a slot; SolveBuffers holds it
 * instance-major ({@code instance * width + element}), the GPU structure-of-arrays
 * ({@code element * N + instance}).
 */
public enum Slot {
    Y0("y0", Element.REAL, Direction.INPUT, Width.STATES, Use.ALWAYS),
    PARAMS("params", Element.REAL, Direction.INPUT, Width.PARAMS, Use.ALWAYS),
    T0("t0", Element.REAL, Direction.INPUT, Width.ONE, Use.ALWAYS),
    T1("t1", Element.REAL, Direction.INPUT, Width.ONE, Use.ALWAYS),
    /** Sorted in the direction of integration and inside [t0, t1]. */
    EVAL_TIMES("evalTimes", Element.REAL, Direction.INPUT, Width.EVAL_TIMES, Use.DENSE),
    ATOL("atol", Element.REAL, Direction.INPUT, Width.ONE, Use.ADAPTIVE),
    RTOL("rtol", Element.REAL, Direction.INPUT, Width.ONE, Use.ADAPTIVE),
    /** Initial step magnitude; 0 selects Hairer's initial step (for FIXED: required, > 0). */
    DT0("dt0", Element.REAL, Direction.INPUT, Width.ONE, Use.ALWAYS),
    /** An adaptive step that would fall below it ends with REACHED_DT_MIN. */
    DT_MIN("dtMin", Element.REAL, Direction.INPUT, Width.ONE, Use.ADAPTIVE),
    DT_MAX("dtMax", Element.REAL, Direction.INPUT, Width.ONE, Use.ADAPTIVE),
    MAX_STEPS("maxSteps", Element.INT, Direction.INPUT, Width.ONE, Use.ALWAYS),
    /** [k * stateCount + j] within the instance's block; points not reached are NaN. */
    YS("ys", Element.REAL, Direction.OUTPUT, Width.EVAL_STATES, Use.DENSE),
    /** The state where the instance stopped. */
    Y_FINAL("yFinal", Element.REAL, Direction.OUTPUT, Width.STATES, Use.ALWAYS),
    /** Where the instance stopped: t1 on success, the last accepted t otherwise. */
    T_FINAL("tFinal", Element.REAL, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    /** {@link io.github.odec.runtime.Status#code()}. */
    STATUS("status", Element.INT, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    F_EVALS("fEvals", Element.INT, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    /** Steps attempted. */
    STEPS("steps", Element.INT, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    ACCEPTED("accepted", Element.INT, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    /** Steps the controller rejected (counted as they happen; FIXED never rejects). */
    REJECTED("rejected", Element.INT, Direction.OUTPUT, Width.ONE, Use.ADAPTIVE),
    /** Evaluation points filled. */
    INITIALIZED("initialized", Element.INT, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    /** Magnitude of the last accepted step; NaN when none was accepted. */
    H_LAST("hLast", Element.REAL, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    /** Smallest accepted step magnitude; NaN when none was accepted. */
    H_MIN("hMin", Element.REAL, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    /** Largest accepted step magnitude; NaN when none was accepted. */
    H_MAX("hMax", Element.REAL, Direction.OUTPUT, Width.ONE, Use.ALWAYS),
    /**
     * The system's observes, in declaration order ({@link SystemLayout#observeNames()}); only the
     * solvers of systems with observes use it, so it is not in {@link #of(SolverSpec)}.
     */
    OBSERVES("observes", Element.REAL, Direction.OUTPUT, Width.OBSERVES, Use.OBSERVES);

    /** What one element holds in SolveBuffers: REAL slots are doubles whatever the solver's precision. */
    public enum Element { REAL, INT }

    public enum Direction { INPUT, OUTPUT }

    /** How many elements one instance owns. */
    public enum Width {
        ONE, STATES, PARAMS, EVAL_TIMES, EVAL_STATES, OBSERVES;

        public int elements(int stateCount, int paramCount, int evalCount, int observeCount) {
            return switch (this) {
                case ONE -> 1;
                case STATES -> stateCount;
                case PARAMS -> paramCount;
                case EVAL_TIMES -> evalCount;
                case EVAL_STATES -> Math.multiplyExact(evalCount, stateCount);
                case OBSERVES -> observeCount;
            };
        }
    }

    /** Which specs read or write the slot. */
    private enum Use { ALWAYS, DENSE, ADAPTIVE, OBSERVES }

    private final String field;
    private final Element element;
    private final Direction direction;
    private final Width width;
    private final Use use;

    Slot(String field, Element element, Direction direction, Width width, Use use) {
        this.field = field;
        this.element = element;
        this.direction = direction;
        this.width = width;
        this.use = use;
    }

    /** The camel-case name printers build identifiers from ({@code hMin}). */
    public String field() {
        return field;
    }

    /**
     * The name of the slot's array in generated code (a CUDA parameter, a Java local): the trailing
     * underscore keeps it apart from the solver's own locals ({@code t0}, {@code steps}, ...).
     */
    public String identifier() {
        return field + "_";
    }

    public Element element() {
        return element;
    }

    public Direction direction() {
        return direction;
    }

    public boolean output() {
        return direction == Direction.OUTPUT;
    }

    public Width width() {
        return width;
    }

    /** Elements per instance for a batch shape. */
    public int width(SolveBuffers b) {
        return width.elements(b.stateCount, b.paramCount, b.evalCount, b.observeCount);
    }

    public boolean usedBy(SolverSpec spec) {
        return switch (use) {
            case ALWAYS -> true;
            case DENSE -> spec.denseOutput();
            case ADAPTIVE -> spec.controller() != StepControllerKind.FIXED;
            case OBSERVES -> false;
        };
    }

    /** The slots a spec's solver reads or writes, in parameter order: all that its CUDA kernel takes. */
    public static List<Slot> of(SolverSpec spec) {
        return Arrays.stream(values()).filter(s -> s.usedBy(spec)).toList();
    }
}
