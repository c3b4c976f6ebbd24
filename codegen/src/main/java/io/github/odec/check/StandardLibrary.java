package io.github.odec.check;

import io.github.odec.diag.DiagnosticRenderer;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import io.github.odec.model.OdeModel;
import io.github.odec.model.Rosenbrock;
import io.github.odec.model.Tableau;
import io.github.odec.parse.OdecParsing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The methods shipped inside the compiler, written in the language itself and checked once: the
 * explicit tableaus in one file, the Rosenbrock methods in another.
 */
final class StandardLibrary {

    static final String TABLEAU_FILE = "/io/github/odec/stdlib/tableaus.ode";
    static final String ROSENBROCK_FILE = "/io/github/odec/stdlib/rosenbrock.ode";

    private StandardLibrary() {}

    static List<Tableau> tableaus() {
        return Holder.TABLEAUS;
    }

    static List<Rosenbrock> rosenbrocks() {
        return Holder.ROSENBROCKS;
    }

    private static final class Holder {
        static final List<Tableau> TABLEAUS = load(TABLEAU_FILE).tableaus();
        static final List<Rosenbrock> ROSENBROCKS = load(ROSENBROCK_FILE).rosenbrocks();
    }

    /** A diagnostic here is a bug of the compiler, not of a user's file: fail loudly. */
    private static OdeModel load(String resource) {
        SourceFile source = new SourceFile("stdlib/" + resource.substring(resource.lastIndexOf('/') + 1), read(resource));
        Diagnostics diagnostics = new Diagnostics();
        OdeModel model = OdecParsing.parse(source, diagnostics)
                .flatMap(file -> ModelChecker.check(file, List.of(), List.of(), diagnostics))
                .orElse(null);
        if (diagnostics.hasErrors() || model == null || model.methods().isEmpty()) {
            throw new IllegalStateException("the standard method library " + source.name() + " does not check:\n"
                    + DiagnosticRenderer.renderAll(diagnostics.sorted()));
        }
        return model;
    }

    private static String read(String resource) {
        try (InputStream in = StandardLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
