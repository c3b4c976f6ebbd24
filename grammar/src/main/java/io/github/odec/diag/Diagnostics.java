package io.github.odec.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics and never stops at the first error, so a file's errors are reported at once.
 * Identical reports are kept once: an error inside an unrolled loop body would otherwise repeat per
 * iteration.
 */
public final class Diagnostics {

    private final Set<Diagnostic> reported = new LinkedHashSet<>();

    public void error(Span span, String code, String message) {
        report(new Diagnostic(Severity.ERROR, span, code, message));
    }

    public void report(Diagnostic diagnostic) {
        reported.add(diagnostic);
    }

    public boolean hasErrors() {
        return reported.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) reported.stream().filter(Diagnostic::isError).count();
    }

    /** In source order (stable for reports at the same place), the order readers expect. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> all = new ArrayList<>(reported);
        all.sort(Comparator.comparing((Diagnostic d) -> d.span().source().name())
                .thenComparingInt(d -> d.span().offset()));
        return List.copyOf(all);
    }
}
