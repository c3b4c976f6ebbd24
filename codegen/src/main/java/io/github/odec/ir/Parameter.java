package io.github.odec.ir;

/** A parameter of a {@link Procedure}. */
public sealed interface Parameter {

    /** A scalar passed by value. */
    record Scalar(Local local) implements Parameter {}

    /** A local array passed by reference; {@code written} when the callee stores into it. */
    record Array(LocalArray array, boolean written) implements Parameter {}

    /** Whether an argument can be passed for this parameter: a value of the type, or an array at least as long. */
    default boolean accepts(Argument argument) {
        return switch (this) {
            case Scalar(var local) -> argument instanceof Argument.Value(var v) && v.type() == local.type();
            case Array(var array, var written) ->
                    argument instanceof Argument.Array(var a) && a.length() >= array.length();
        };
    }
}
