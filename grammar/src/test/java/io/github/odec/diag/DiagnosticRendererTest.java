package io.github.odec.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {

    private static final SourceFile BAD = new SourceFile("samples/bad.ode", """
            system Bad {
              state y = 1;
                  y' = mu2 * y;
            }
            """);

    @Test
    void rendersLocationMessageLineAndACaretUnderTheWholeToken() {
        Diagnostic d = new Diagnostic(Severity.ERROR, new Span(BAD, 3, 12, 40, 3), "unknown-identifier",
                "unknown identifier 'mu2'");
        assertEquals("""
                samples/bad.ode:3:12: error: unknown identifier 'mu2'
                    y' = mu2 * y;
                         ^~~
                """, DiagnosticRenderer.render(d));
    }

    @Test
    void aZeroLengthSpanStillGetsACaretAndALongSpanStopsAtTheEndOfItsLine() {
        Diagnostic atEnd = new Diagnostic(Severity.ERROR, new Span(BAD, 2, 15, 0, 0), "syntax-error", "here");
        assertEquals("samples/bad.ode:2:15: error: here\n    state y = 1;\n                ^\n", DiagnosticRenderer.render(atEnd));
        Diagnostic crossing = new Diagnostic(Severity.WARNING, new Span(BAD, 2, 9, 0, 500), "x", "long");
        assertEquals("samples/bad.ode:2:9: warning: long\n    state y = 1;\n          ^~~~~~\n", DiagnosticRenderer.render(crossing));
    }

    @Test
    void tabsInTheLineKeepTheCaretAligned() {
        SourceFile tabs = new SourceFile("t.ode", "\tx' =\ty;\n");
        Diagnostic d = new Diagnostic(Severity.ERROR, new Span(tabs, 1, 7, 6, 1), "c", "m");
        assertEquals("t.ode:1:7: error: m\n    x' =\ty;\n        \t^\n", DiagnosticRenderer.render(d));
    }

    @Test
    void theCollectorKeepsEveryErrorInSourceOrderButEachPlaceAndCodeOnce() {
        Diagnostics diagnostics = new Diagnostics();
        Span late = new Span(BAD, 3, 12, 40, 3);
        Span early = new Span(BAD, 2, 3, 15, 5);
        diagnostics.error(late, "a", "first");
        diagnostics.error(late, "a", "again, from another loop iteration");
        diagnostics.error(early, "b", "earlier in the file");
        assertEquals(List.of("earlier in the file", "first"), diagnostics.sorted().stream().map(Diagnostic::message).toList());
        assertEquals(2, diagnostics.errorCount());
    }

    @Test
    void lineLookupHandlesCarriageReturnsAndLinesPastTheEnd() {
        SourceFile crlf = new SourceFile("w.ode", "a\r\nb\r\n");
        assertEquals("b", crlf.lineText(2));
        assertEquals("", crlf.lineText(9));
    }
}
