package io.github.odec.emit.java;

import com.palantir.javapoet.CodeBlock;
import io.github.odec.runtime.spi.Slot;
import java.util.List;

/**
 * How generated Java reaches the slots: each slot the solver uses is taken from SolveBuffers into a
 * local array once, before the solve ({@link #locals}), so a load or store in the step loop is one
 * array access, as a field access was; addresses are instance-major ({@link #width}).
 */
final class JavaSlots {

    private JavaSlots() {}

    /** {@code double[] y0_ = buf.reals(Slot.Y0);} for every slot of the solver. */
    static CodeBlock locals(List<Slot> slots, String buffers) {
        CodeBlock.Builder out = CodeBlock.builder().add("// the slots of this solver, taken once\n");
        for (Slot s : slots) {
            switch (s.element()) {
                case REAL -> out.addStatement("double[] $L = $L.reals($T.$L)", s.identifier(), buffers, Slot.class, s.name());
                case INT -> out.addStatement("int[] $L = $L.ints($T.$L)", s.identifier(), buffers, Slot.class, s.name());
            }
        }
        return out.build();
    }

    /** Elements per instance as Java text over the SolveBuffers shape; empty for one. */
    static String width(Slot s, String buffers) {
        return switch (s.width()) {
            case ONE -> "";
            case STATES -> buffers + ".stateCount";
            case PARAMS -> buffers + ".paramCount";
            case EVAL_TIMES -> buffers + ".evalCount";
            case EVAL_STATES -> buffers + ".evalCount * " + buffers + ".stateCount";
            case OBSERVES -> buffers + ".observeCount";
        };
    }
}
