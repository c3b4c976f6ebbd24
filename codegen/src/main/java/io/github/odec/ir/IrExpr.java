package io.github.odec.ir;

import io.github.odec.model.Rational;
import io.github.odec.runtime.spi.Slot;
import java.util.List;
import java.util.Optional;

/** A side-effect-free IR expression. Every node knows its type, so printers need no inference. */
public sealed interface IrExpr {

    ScalarType type();

    /**
     * A REAL literal. {@code exact} is kept when the value came from an exact rational (tableau
     * coefficients) so that an f32 printer can emit the correctly rounded float, not a double rounded twice.
     */
    record RealLiteral(double value, Optional<Rational> exact) implements IrExpr {
        public static RealLiteral of(double value) {
            return new RealLiteral(value, Optional.empty());
        }

        public static RealLiteral of(Rational exact) {
            return new RealLiteral(exact.toDouble(), Optional.of(exact));
        }

        @Override
        public ScalarType type() {
            return ScalarType.REAL;
        }
    }

    record IntLiteral(int value) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.INT;
        }
    }

    record BoolLiteral(boolean value) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.BOOL;
        }
    }

    record Read(Local local) implements IrExpr {
        @Override
        public ScalarType type() {
            return local.type();
        }
    }

    record Negate(IrExpr operand) implements IrExpr {
        @Override
        public ScalarType type() {
            return operand.type();
        }
    }

    /** Arithmetic on two operands of the same type (REAL or INT); REM only on INT. */
    record Arith(ArithOp op, IrExpr left, IrExpr right) implements IrExpr {
        @Override
        public ScalarType type() {
            return left.type();
        }
    }

    record Compare(CompareOp op, IrExpr left, IrExpr right) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.BOOL;
        }
    }

    /** Short-circuit AND / OR of two BOOLs. */
    record Logic(LogicOp op, IrExpr left, IrExpr right) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.BOOL;
        }
    }

    record Not(IrExpr operand) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.BOOL;
        }
    }

    record Select(IrExpr condition, IrExpr then, IrExpr otherwise) implements IrExpr {
        @Override
        public ScalarType type() {
            return then.type();
        }
    }

    record Call(IrFunction function, List<IrExpr> args) implements IrExpr {
        public Call {
            args = List.copyOf(args);
            if (args.size() != function.arity()) {
                throw new IllegalArgumentException(function + " takes " + function.arity() + " arguments");
            }
        }

        @Override
        public ScalarType type() {
            return function.resultType();
        }
    }

    /** An element of this instance's block of an input slot; the index is INT. */
    record Load(Slot slot, IrExpr index) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.of(slot);
        }
    }

    record CoefficientRef(Coefficient coefficient) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.REAL;
        }
    }

    /** The batch's number of evaluation times per instance (a run-time value; 0 = final state only). */
    record EvalCount() implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.INT;
        }
    }

    /** An element of a local array; the index is an INT expression. */
    record ArrayElement(LocalArray array, IrExpr index) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.REAL;
        }
    }

    record IntToReal(IrExpr operand) implements IrExpr {
        @Override
        public ScalarType type() {
            return ScalarType.REAL;
        }
    }

    enum ArithOp { ADD, SUB, MUL, DIV, REM }

    enum CompareOp { LT, LE, GT, GE, EQ, NE }

    enum LogicOp { AND, OR }
}
