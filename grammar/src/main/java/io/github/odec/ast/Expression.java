package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;

/** An expression as written; names are resolved by the checker. */
public sealed interface Expression {

    Span span();

    /** A numeric literal; {@code text} is what was written. */
    record NumberLiteral(String text, double value, Span span) implements Expression {}

    /** {@code pi}. */
    record Pi(Span span) implements Expression {}

    /** {@code t}, the current time. */
    record Time(Span span) implements Expression {}

    record Name(Identifier name, Span span) implements Expression {}

    /** {@code name[index]}. */
    record Indexed(Identifier name, Expression index, Span span) implements Expression {}

    /** {@code function(args)}. */
    record Call(Identifier function, List<Expression> args, Span span) implements Expression {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Unary(UnaryOperator operator, Span operatorSpan, Expression operand, Span span) implements Expression {}

    record Binary(BinaryOperator operator, Span operatorSpan, Expression left, Expression right, Span span)
            implements Expression {}

    /** {@code condition ? then : otherwise}. */
    record Conditional(Expression condition, Expression then, Expression otherwise, Span span) implements Expression {}

    enum UnaryOperator {
        NEGATE("-"), PLUS("+"), NOT("!");

        private final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum BinaryOperator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%"), POWER("^"),
        LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!="),
        AND("&&"), OR("||");

        private final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static BinaryOperator bySymbol(String symbol) {
            for (BinaryOperator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("not an operator: " + symbol);
        }
    }
}
