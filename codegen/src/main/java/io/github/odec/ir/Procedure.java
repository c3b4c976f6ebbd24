package io.github.odec.ir;

import java.util.List;

/**
 * A function of the generated solver that returns nothing: scalars are passed by value, arrays by
 * reference (a callee writes only the arrays its parameters mark written). Its body declares its own
 * locals and reads no batch buffer, so every printer can print it as a function of its own (a private
 * static method in Java, a {@code __host__ __device__} function in CUDA) and call it with {@link Stmt.Call}.
 *
 * @param summary one line for readers of the generated code, printed above the function
 */
public record Procedure(String name, String summary, List<Parameter> parameters, List<Stmt> body) {

    public Procedure {
        parameters = List.copyOf(parameters);
        body = List.copyOf(body);
    }

    /** The call {@code name(arguments)}; the arguments must match the parameters in kind and length. */
    public Stmt.Call call(Argument... arguments) {
        return new Stmt.Call(this, List.of(arguments));
    }
}
