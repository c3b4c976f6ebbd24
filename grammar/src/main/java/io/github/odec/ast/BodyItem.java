package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;
import java.util.Optional;

/** The statements of the dynamics: lets, derivatives and loops over them. */
public sealed interface BodyItem extends SystemItem {

    /** {@code let name = value;}. */
    record LetDecl(Identifier name, Expression value, Span span) implements BodyItem {}

    /** {@code x' = value;} or {@code x[index]' = value;}. */
    record DerivativeDecl(Identifier target, Optional<Expression> index, Expression value, Span span)
            implements BodyItem {}

    /** {@code for variable in from..to { body }}: a half-open range of integers, unrolled. */
    record ForLoop(Identifier variable, Expression from, Expression to, List<BodyItem> body, Span span)
            implements BodyItem {
        public ForLoop {
            body = List.copyOf(body);
        }
    }
}
