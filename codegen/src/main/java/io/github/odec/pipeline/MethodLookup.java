package io.github.odec.pipeline;

import io.github.odec.check.Spelling;
import io.github.odec.model.OdeModel;
import io.github.odec.model.Tableau;
import java.util.List;

/** The one place that maps a method name (e.g. from {@code --method}) to a tableau of a model. */
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
        return tableaus.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> {
            List<String> known = tableaus.stream().map(Tableau::name).toList();
            return new DiagnosticException(RequestError.UNKNOWN_METHOD, "unknown method '" + name + "'; "
                    + Spelling.closest(name, known).map(s -> "did you mean '" + s + "'? ").orElse("")
                    + "known methods: " + String.join(", ", known));
        });
    }
}
