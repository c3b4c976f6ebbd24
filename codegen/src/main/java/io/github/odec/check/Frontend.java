package io.github.odec.check;

import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import io.github.odec.diag.Span;
import io.github.odec.model.OdeModel;
import io.github.odec.model.Rosenbrock;
import io.github.odec.model.Tableau;
import io.github.odec.parse.OdecParsing;
import io.github.odec.parse.OwnStack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The front end in one call: parse and check a {@code .ode} file into an {@link OdeModel}. */
public final class Frontend {

    private Frontend() {}

    /** Parses and checks; the model is present only when there are no errors. Never throws for bad input. */
    public static CheckResult check(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<OdeModel> model;
        List<Tableau> standard = standardTableaus(); // outside: its first call parses the library, once
        List<Rosenbrock> standardRosenbrocks = standardRosenbrocks();
        try {
            model = OwnStack.call("odec-check", () -> OdecParsing.parse(source, diagnostics)
                    .flatMap(file -> ModelChecker.check(file, standard, standardRosenbrocks, diagnostics)));
        } catch (StackOverflowError tooDeep) {
            // A fallback: nesting is bounded before any recursive pass (OdecParsing.MAX_NESTING), which
            // then needs far less than the stack of its own it runs on.
            diagnostics.error(new Span(source, 1, 1, 0, 0), OdecParsing.TOO_DEEPLY_NESTED,
                    "the file nests expressions too deeply to check");
            model = Optional.empty();
        }
        return new CheckResult(source, diagnostics.hasErrors() ? Optional.empty() : model, diagnostics.sorted());
    }

    public static CheckResult checkFile(Path file) throws IOException {
        return check(SourceFile.read(file));
    }

    /** The standard library's tableaus, parsed and checked once. */
    public static List<Tableau> standardTableaus() {
        return StandardLibrary.tableaus();
    }

    /** The standard library's Rosenbrock methods, parsed and checked once. */
    public static List<Rosenbrock> standardRosenbrocks() {
        return StandardLibrary.rosenbrocks();
    }
}
