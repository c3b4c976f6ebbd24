package io.github.odec.check;

import io.github.odec.diag.DiagnosticRenderer;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import io.github.odec.model.OdeModel;
import io.github.odec.model.Tableau;
import io.github.odec.parse.OdecParsing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The tableaus shipped inside the compiler, written in the language itself and checked once. */
final class StandardLibrary {

    static final String RESOURCE = "/io/github/odec/stdlib/tableaus.ode";

    private StandardLibrary() {}

    static List<Tableau> tableaus() {
        return Holder.TABLEAUS;
    }

    private static final class Holder {
        static final List<Tableau> TABLEAUS = load();
    }

    /** A diagnostic here is a bug of the compiler, not of a user's file: fail loudly. */
    private static List<Tableau> load() {
        SourceFile source = new SourceFile("stdlib/tableaus.ode", read());
        Diagnostics diagnostics = new Diagnostics();
        List<Tableau> tableaus = OdecParsing.parse(source, diagnostics)
                .flatMap(file -> ModelChecker.check(file, List.of(), diagnostics))
                .map(OdeModel::tableaus)
                .orElse(List.of());
        if (diagnostics.hasErrors() || tableaus.isEmpty()) {
            throw new IllegalStateException("the standard tableau library does not check:\n"
                    + DiagnosticRenderer.renderAll(diagnostics.sorted()));
        }
        return tableaus;
    }

    private static String read() {
        try (InputStream in = StandardLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
