package io.github.odec.check;

import io.github.odec.ast.Declaration;
import io.github.odec.ast.OdeFile;
import io.github.odec.ast.SystemDecl;
import io.github.odec.ast.TableauDecl;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a parsed file: names unique per kind, then each system and tableau on its own. */
final class ModelChecker {

    private ModelChecker() {}

    /** The model, present only when the whole file checked without errors. */
    static Optional<OdeModel> check(OdeFile file, List<Tableau> standard, Diagnostics diagnostics) {
        int before = diagnostics.errorCount();
        Map<String, Span> systemNames = new HashMap<>();
        Map<String, Span> tableauNames = new HashMap<>();
        List<OdeSystem> systems = new ArrayList<>();
        List<Tableau> tableaus = new ArrayList<>(standard);
        for (Declaration d : file.declarations()) {
            switch (d) {
                case SystemDecl s -> {
                    if (unique(s, "system", systemNames, diagnostics)) {
                        SystemChecker.check(s, diagnostics).ifPresent(systems::add);
                    }
                }
                case TableauDecl t -> {
                    if (standard.stream().anyMatch(std -> std.name().equals(t.name().text()))) {
                        CheckError.DUPLICATE_DECLARATION.report(diagnostics, t.name().span(), "tableau '" + t.name().text()
                                + "' is already defined by the standard library; choose another name");
                    } else if (unique(t, "tableau", tableauNames, diagnostics)) {
                        TableauChecker.check(t, diagnostics).ifPresent(tableaus::add);
                    }
                }
            }
        }
        return diagnostics.errorCount() == before
                ? Optional.of(new OdeModel(file.source().name(), systems, tableaus))
                : Optional.empty();
    }

    private static boolean unique(Declaration d, String kind, Map<String, Span> seen, Diagnostics diagnostics) {
        Span first = seen.putIfAbsent(d.name().text(), d.name().span());
        if (first != null) {
            CheckError.DUPLICATE_DECLARATION.report(diagnostics, d.name().span(), kind + " '" + d.name().text()
                    + "' is already declared at line " + first.line());
            return false;
        }
        return true;
    }
}
