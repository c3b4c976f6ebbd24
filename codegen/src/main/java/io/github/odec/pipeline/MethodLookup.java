package io.github.odec.pipeline;

import io.github.odec.check.Spelling;
import io.github.odec.model.Method;
import io.github.odec.model.OdeModel;
import io.github.odec.model.Rosenbrock;
import io.github.odec.model.Tableau;
import java.util.List;
import java.util.stream.Stream;

/** The one place that maps a method name (e.g. from {@code --method}) to a method of a model. */
public final class MethodLookup {

    private MethodLookup() {}

    /**
     * The tableau called {@code name}: from the standard library or the file itself.
     *
     * @throws DiagnosticException ({@link RequestError#UNKNOWN_METHOD}) naming the known methods when there is none
     */
    public static Tableau find(OdeModel model, String name) {
        return find(model.tableaus(), name);
    }

    /** The tableau called {@code name} among {@code tableaus}. */
    public static Tableau find(List<Tableau> tableaus, String name) {
        return tableaus.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown(name, tableaus.stream().map(Tableau::name).toList()));
    }

    /**
     * The method of either family called {@code name}: an explicit tableau or a Rosenbrock method.
     *
     * @throws DiagnosticException ({@link RequestError#UNKNOWN_METHOD}) naming every known method when there is none
     */
    public static Method method(OdeModel model, String name) {
        return method(model.tableaus(), model.rosenbrocks(), name);
    }

    /** The method called {@code name} among {@code tableaus} and {@code rosenbrocks}. */
    public static Method method(List<Tableau> tableaus, List<Rosenbrock> rosenbrocks, String name) {
        List<Method> all = Stream.concat(tableaus.stream().map(Method::of), rosenbrocks.stream()).toList();
        return all.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown(name, all.stream().map(Method::name).toList()));
    }

    private static DiagnosticException unknown(String name, List<String> known) {
        return new DiagnosticException(RequestError.UNKNOWN_METHOD, "unknown method '" + name + "'; "
                + Spelling.closest(name, known).map(s -> "did you mean '" + s + "'? ").orElse("")
                + "known methods: " + String.join(", ", known));
    }
}
