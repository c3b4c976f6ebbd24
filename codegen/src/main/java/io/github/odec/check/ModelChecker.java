package io.github.odec.check;

import io.github.odec.ast.Declaration;
import io.github.odec.ast.OdeFile;
import io.github.odec.ast.RosenbrockDecl;
import io.github.odec.ast.SystemDecl;
import io.github.odec.ast.TableauDecl;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Rosenbrock;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a parsed file: names unique per kind (tableaus and Rosenbrock methods share one namespace, the
 * methods'), then each system, tableau and Rosenbrock method on its own.
 */
final class ModelChecker {

    private ModelChecker() {}

    /** The model, present only when the whole file checked without errors. */
    static Optional<OdeModel> check(OdeFile file, List<Tableau> standard, List<Rosenbrock> standardRosenbrocks,
                                    Diagnostics diagnostics) {
        int before = diagnostics.errorCount();
        Map<String, Span> systemNames = new HashMap<>();
        Map<String, Span> methodNames = new HashMap<>();
        List<OdeSystem> systems = new ArrayList<>();
        List<Tableau> tableaus = new ArrayList<>(standard);
        List<Rosenbrock> rosenbrocks = new ArrayList<>(standardRosenbrocks);
        for (Declaration d : file.declarations()) {
            switch (d) {
                case SystemDecl s -> {
                    if (unique(s, "system", systemNames, diagnostics)) {
                        SystemChecker.check(s, diagnostics).ifPresent(systems::add);
                    }
                }
                case TableauDecl t -> {
                    if (newMethodName(t, "tableau", standard, standardRosenbrocks, methodNames, diagnostics)) {
                        TableauChecker.check(t, diagnostics).ifPresent(tableaus::add);
                    }
                }
                case RosenbrockDecl r -> {
                    if (newMethodName(r, "rosenbrock method", standard, standardRosenbrocks, methodNames, diagnostics)) {
                        RosenbrockChecker.check(r, diagnostics).ifPresent(rosenbrocks::add);
                    }
                }
            }
        }
        return diagnostics.errorCount() == before
                ? Optional.of(new OdeModel(file.source().name(), systems, tableaus, rosenbrocks))
                : Optional.empty();
    }

    /** A file's method may reuse neither a standard method's name nor another of its own. */
    private static boolean newMethodName(Declaration d, String kind, List<Tableau> standard, List<Rosenbrock> standardRosenbrocks,
                                         Map<String, Span> seen, Diagnostics diagnostics) {
        String name = d.name().text();
        if (standard.stream().anyMatch(t -> t.name().equals(name)) || standardRosenbrocks.stream().anyMatch(r -> r.name().equals(name))) {
            CheckError.DUPLICATE_DECLARATION.report(diagnostics, d.name().span(), kind + " '" + name
                    + "' is already defined by the standard library; choose another name");
            return false;
        }
        return unique(d, kind, seen, diagnostics);
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
