package io.github.odec.emit.bindings;

import com.palantir.javapoet.CodeBlock;

/** A double as Java source that reads back to the same bits (NaN and infinities as Double's constants). */
final class DoubleLiteral {

    private DoubleLiteral() {}

    static CodeBlock of(double v) {
        if (Double.isNaN(v)) {
            return CodeBlock.of("$T.NaN", Double.class);
        }
        if (Double.isInfinite(v)) {
            return CodeBlock.of("$T.$L", Double.class, v > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
        }
        // Double.toString is the shortest decimal that round-trips, and always a valid double literal.
        return CodeBlock.of("$L", Double.toString(v));
    }
}
