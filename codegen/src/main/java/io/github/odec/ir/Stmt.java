package io.github.odec.ir;

import java.util.List;

/** IR statements. Loops and breaks have C semantics: break leaves the innermost loop. */
public sealed interface Stmt {

    record Declare(Local local, IrExpr init) implements Stmt {}

    record Assign(Local local, IrExpr value) implements Stmt {}

    /** Writes an element of this instance's block of a batch buffer (see {@link Buffer}). */
    record Store(Buffer buffer, IrExpr index, IrExpr value) implements Stmt {}

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
}
