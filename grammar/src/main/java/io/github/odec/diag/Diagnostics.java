package io.github.odec.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects diagnostics and never stops at the first error, so a file's errors are reported at once.
 * One report per place and code is kept (the first): an error inside an unrolled loop body would
 * otherwise repeat once per iteration.
 */
public final class Diagnostics {

    private record Place(Span span, String code) {}

    private final Map<Place, Diagnostic> reported = new LinkedHashMap<>();

    public void error(Span span, String code, String message) {
        report(new Diagnostic(Severity.ERROR, span, code, message));
    }

    public void report(Diagnostic diagnostic) {
        reported.putIfAbsent(new Place(diagnostic.span(), diagnostic.code()), diagnostic);
    }

    public boolean hasErrors() {
        return reported.values().stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) reported.values().stream().filter(Diagnostic::isError).count();
    }

    /** In source order (stable for reports at the same place), the order readers expect. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> all = new ArrayList<>(reported.values());
        all.sort(Comparator.comparing((Diagnostic d) -> d.span().source().name())
                .thenComparingInt(d -> d.span().offset()));
        return List.copyOf(all);
    }
}
