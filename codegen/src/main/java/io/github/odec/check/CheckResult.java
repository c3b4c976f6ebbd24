package io.github.odec.check;

import io.github.odec.diag.Diagnostic;
import io.github.odec.diag.DiagnosticRenderer;
import io.github.odec.diag.SourceFile;
import io.github.odec.model.OdeModel;
import java.util.List;
import java.util.Optional;

/**
 * What checking a file gives: the diagnostics in source order, and the model when there were no errors.
 */
public record CheckResult(SourceFile source, Optional<OdeModel> model, List<Diagnostic> diagnostics) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return model.isPresent();
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    /** All diagnostics rendered with source lines and carets; empty when there are none. */
    public String render() {
        return DiagnosticRenderer.renderAll(diagnostics);
    }
}
