package io.github.odec.diag;

import java.util.List;

/**
 * Renders a diagnostic the way compilers do:
 * <pre>
 * samples/bad.ode:3:12: error: unknown identifier 'mu2'
 *     y' = mu2 * y;
 *          ^~~
 * </pre>
 * The source line is shown without its leading indentation, indented by four spaces, with a caret
 * under the first character of the span and {@code ~} under the rest of it (on that line).
 */
public final class DiagnosticRenderer {

    private static final String INDENT = "    ";

    private DiagnosticRenderer() {}

    public static String render(Diagnostic d) {
        Span span = d.span();
        StringBuilder out = new StringBuilder()
                .append(span.location()).append(": ").append(d.severity().label()).append(": ")
                .append(d.message()).append('\n');
        String line = span.source().lineText(span.line());
        if (line.isBlank()) {
            return out.toString();
        }
        int indent = 0;
        while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
            indent++;
        }
        String shown = line.substring(indent);
        int start = Math.clamp(span.column() - 1 - indent, 0, shown.length());
        int width = Math.clamp(span.length(), 1, Math.max(1, shown.length() - start));
        StringBuilder caret = new StringBuilder(INDENT);
        for (int i = 0; i < start; i++) {
            caret.append(shown.charAt(i) == '\t' ? '\t' : ' '); // keep tabs so the caret lines up
        }
        caret.append('^').append("~".repeat(width - 1));
        return out.append(INDENT).append(shown).append('\n').append(caret).append('\n').toString();
    }

    public static String renderAll(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        diagnostics.forEach(d -> out.append(render(d)));
        return out.toString();
    }
}
