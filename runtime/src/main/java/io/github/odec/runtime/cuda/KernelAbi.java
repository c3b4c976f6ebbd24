package io.github.odec.runtime.cuda;

import io.github.odec.runtime.spi.SolveBuffers;
import java.util.List;
import java.util.function.Function;

/**
 * The parameters of every generated CUDA solver, in order: the instance count N, the evaluation
 * count, then one pointer per {@link #SLOTS slot} (structure of arrays: element e of instance i at
 * {@code e * N + i}; REAL buffers in the solver's precision, INT buffers as int), then the six
 * controller coefficients as REAL scalars ({@link #COEFFICIENTS}). The kernel takes N as
 * {@code unsigned long long}; the per-instance function takes {@code (int instance, size_t N, int evalCount, ...)}.
 * Codegen's Buffer enum lists the same buffers in the same order (a test holds the two together).
 */
public final class KernelAbi {

    private KernelAbi() {}

    /** How many elements each instance owns in a buffer. */
    public enum Block { ONE, STATES, PARAMS, EVAL_TIMES, EVAL_STATES }

    /** One pointer parameter and the SolveBuffers array (instance-major) it is packed from or into. */
    public sealed interface Slot {
        String name();

        Block block();

        boolean output();

        /** Elements per instance for a batch shape. */
        default int width(SolveBuffers b) {
            return switch (block()) {
                case ONE -> 1;
                case STATES -> b.stateCount;
                case PARAMS -> b.paramCount;
                case EVAL_TIMES -> b.evalCount;
                case EVAL_STATES -> Math.multiplyExact(b.evalCount, b.stateCount);
            };
        }
    }

    public record RealSlot(String name, Block block, boolean output, Function<SolveBuffers, double[]> array)
            implements Slot {}

    public record IntSlot(String name, Block block, boolean output, Function<SolveBuffers, int[]> array)
            implements Slot {}

    /** The buffers in parameter order. */
    public static final List<Slot> SLOTS = List.of(
            new RealSlot("y0", Block.STATES, false, b -> b.y0),
            new RealSlot("params", Block.PARAMS, false, b -> b.params),
            new RealSlot("t0", Block.ONE, false, b -> b.t0),
            new RealSlot("t1", Block.ONE, false, b -> b.t1),
            new RealSlot("evalTimes", Block.EVAL_TIMES, false, b -> b.evalTimes),
            new RealSlot("atol", Block.ONE, false, b -> b.atol),
            new RealSlot("rtol", Block.ONE, false, b -> b.rtol),
            new RealSlot("dt0", Block.ONE, false, b -> b.dt0),
            new RealSlot("dtMin", Block.ONE, false, b -> b.dtMin),
            new RealSlot("dtMax", Block.ONE, false, b -> b.dtMax),
            new IntSlot("maxSteps", Block.ONE, false, b -> b.maxSteps),
            new RealSlot("ys", Block.EVAL_STATES, true, b -> b.ys),
            new RealSlot("yFinal", Block.STATES, true, b -> b.yFinal),
            new RealSlot("tFinal", Block.ONE, true, b -> b.tFinal),
            new IntSlot("status", Block.ONE, true, b -> b.status),
            new IntSlot("fEvals", Block.ONE, true, b -> b.fEvals),
            new IntSlot("steps", Block.ONE, true, b -> b.steps),
            new IntSlot("accepted", Block.ONE, true, b -> b.accepted),
            new IntSlot("initialized", Block.ONE, true, b -> b.initialized));

    /** The coefficients after the buffers: ControllerCoefficients' components in declaration order. */
    public static final List<String> COEFFICIENTS = List.of("safety", "factorMin", "factorMax", "pcoeff", "icoeff", "dcoeff");

    static double[] coefficients(SolveBuffers b) {
        var c = b.controller;
        return new double[] {c.safety(), c.factorMin(), c.factorMax(), c.pcoeff(), c.icoeff(), c.dcoeff()};
    }
}
