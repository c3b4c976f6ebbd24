package io.github.odec.ir;

import io.github.odec.runtime.spi.Slot;
import java.util.List;

/** IR statements. Loops and breaks have C semantics: break leaves the innermost loop. */
public sealed interface Stmt {

    record Declare(Local local, IrExpr init) implements Stmt {}

    record Assign(Local local, IrExpr value) implements Stmt {}

    /** Writes an element of this instance's block of an output slot. */
    record Store(Slot slot, IrExpr index, IrExpr value) implements Stmt {}

    record If(IrExpr condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    record While(IrExpr condition, List<Stmt> body) implements Stmt {
        public While {
            body = List.copyOf(body);
        }
    }

    /** {@code for (int var = from; var < to; var++)} over a range known at compile time. */
    record For(Local variable, int from, int to, List<Stmt> body) implements Stmt {
        public For {
            body = List.copyOf(body);
        }
    }

    record Break() implements Stmt {}

    record DeclareArray(LocalArray array) implements Stmt {}

    record StoreElement(LocalArray array, IrExpr index, IrExpr value) implements Stmt {}

    /** Calls a {@link Procedure}: one argument per parameter, of the parameter's kind. */
    record Call(Procedure callee, List<Argument> arguments) implements Stmt {
        public Call {
            arguments = List.copyOf(arguments);
            List<Parameter> parameters = callee.parameters();
            boolean matches = arguments.size() == parameters.size();
            for (int i = 0; matches && i < arguments.size(); i++) {
                matches = parameters.get(i).accepts(arguments.get(i));
            }
            if (!matches) {
                throw new IllegalArgumentException(callee.name() + " cannot take " + arguments);
            }
        }
    }

    /** A comment for readers of the generated code; printers may drop it. */
    record Comment(String text) implements Stmt {}

    /**
     * Lane-masked statements: what {@code ir.pass.IfConversion} turns per-instance control flow into for a
     * SIMD target, where one statement runs for a group of instances (lanes) at once. Every mask is a BOOL
     * local holding one bit per lane; {@code under} is the mask of the lanes an expression is evaluated for
     * (loads of lanes outside it do not happen). Only the Vector API printer sees these; the scalar and CUDA
     * printers reject them, and the SIMD printer accepts nothing else but {@link For} and {@link Comment}.
     */
    sealed interface Masked extends Stmt {

        /** Declares a local of the lowered IR; lanes outside {@code under} hold an unspecified value. */
        record Declare(Local local, IrExpr init, Local under) implements Masked {}

        /** Declares a temporary of the pass (a condition or a mask): printers spell its name as they like. */
        record Temp(Local local, IrExpr init, Local under) implements Masked {}

        /** Declares the temporary mask {@code from and not cond}: the lanes of an else branch. */
        record Outside(Local mask, Local from, Local cond) implements Masked {}

        /** Assigns in the lanes of {@code under}; the others keep their value. */
        record Blend(Local local, IrExpr value, Local under) implements Masked {}

        /** {@link Store} in the lanes of {@code under}. */
        record Scatter(Slot slot, IrExpr index, IrExpr value, Local under) implements Masked {}

        /** {@code mask = mask and keep}, {@code keep} evaluated under {@code under}. */
        record Narrow(Local mask, IrExpr keep, Local under) implements Masked {}

        /** {@code mask = mask and not lanes}: the lanes that break leave their loop. */
        record Drop(Local mask, Local lanes) implements Masked {}

        /** Runs {@code body} when any lane of {@code mask} is set (a branch no lane takes is skipped). */
        record IfAny(Local mask, List<Stmt> body) implements Masked {
            public IfAny {
                body = List.copyOf(body);
            }
        }

        /** {@code while (true) { head; if no lane of mask is set, leave; body }}. */
        record WhileAny(Local mask, List<Stmt> head, List<Stmt> body) implements Masked {
            public WhileAny {
                head = List.copyOf(head);
                body = List.copyOf(body);
            }
        }
    }
}
