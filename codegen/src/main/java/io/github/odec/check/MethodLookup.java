package io.github.odec.check;

import io.github.odec.model.OdeModel;
import io.github.odec.model.Tableau;

/** The one place that maps a method name (e.g. from {@code --method}) to a tableau of a model. */
public final class MethodLookup {

    private MethodLookup() {}

    /**
     * The tableau called {@code name}: from the standard library or the file itself.
     *
     * @throws UnknownMethodException naming the known methods when there is none
     */
    public static Tableau find(OdeModel model, String name) {
        return model.tableau(name).orElseThrow(() -> new UnknownMethodException(name,
                model.tableaus().stream().map(Tableau::name).toList()));
    }
}
