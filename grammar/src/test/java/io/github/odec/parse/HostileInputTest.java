package io.github.odec.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.diag.Diagnostic;
import io.github.odec.diag.DiagnosticRenderer;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as they come from editors and fuzzers: byte-order marks, other encodings, odd ends, deep nesting. */
class HostileInputTest {

    private static final String SYSTEM = "system S {\n    state x = 1;\n    x' = -x;\n}\n";

    @TempDir
    Path dir;

    private static List<Diagnostic> errors(SourceFile source) {
        Diagnostics d = new Diagnostics();
        assertTrue(OdecParsing.parse(source, d).isEmpty(), "expected errors");
        return d.sorted();
    }

    @Test
    void aUtf8ByteOrderMarkIsDroppedAndPositionsStayThoseOfTheText() throws IOException {
        Path file = dir.resolve("bom.ode");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("system S { state x = 1 x' = -x; }\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        SourceFile source = SourceFile.read(file);
        assertEquals('s', source.text().charAt(0));
        // Column 24 is the second x's in the text as the user sees it, not one further for the mark.
        Diagnostic missingSemicolon = errors(source).getFirst();
        assertEquals(file + ":1:24", missingSemicolon.span().location(), missingSemicolon.toString());
        // Read by a caller that keeps the mark (the lexer treats it as white space).
        Diagnostics d = new Diagnostics();
        assertTrue(OdecParsing.parse(new SourceFile("kept.ode", "\uFEFF" + SYSTEM), d).isPresent(), d.sorted().toString());
    }

    @Test
    void aFileThatIsNotUtf8NamesTheByteItsOffsetAndItsLine() throws IOException {
        Path file = dir.resolve("latin1.ode");
        // "// café" in Latin-1: é is the single byte 0xE9, at byte offset 21 + 6 on line 2.
        byte[] text = ("system S { x' = 0; }\n// caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, text);
        CharacterCodingException e = assertThrows(CharacterCodingException.class, () -> SourceFile.read(file));
        assertEquals("not UTF-8 text: byte 0xE9 at byte offset 27 (line 2) is not valid UTF-8; odec reads .ode files"
                + " as UTF-8, so convert the file (e.g. iconv -f latin1 -t utf-8)", e.getMessage());
    }

    @Test
    void unexpectedEndOfFilePointsAtTheLastCharacterOfTheFile() {
        String withoutNewline = "system S {\n    state x = 1;\n    x' = -x;";
        Diagnostic d = errors(new SourceFile("eof.ode", withoutNewline)).getFirst();
        assertEquals("eof.ode:3:12", d.span().location());
        assertEquals("unexpected end of file; expected 'state', 'param', 'const', 'observe', 'let', 'for', a name or '}'", d.message());
        assertEquals("""
                eof.ode:3:12: error: unexpected end of file; expected 'state', 'param', 'const', 'observe', 'let', 'for', a name or '}'
                    x' = -x;
                           ^
                """, DiagnosticRenderer.render(d));
        // After a final newline and comments, still the last token's last character.
        Diagnostic after = errors(new SourceFile("eof.ode", withoutNewline + "\n// the end\n\n")).getFirst();
        assertEquals("eof.ode:3:12", after.span().location());
    }

    @Test
    void bracketsNestedBeyondTheBoundAreReportedAtTheFirstOneTooMany() {
        int n = OdecParsing.MAX_NESTING; // with the system's brace, the n-th parenthesis is one too many
        String text = "system S {\n  state x = 1;\n  x' = " + "(".repeat(n) + "x" + ")".repeat(n) + ";\n}\n";
        Diagnostic d = errors(new SourceFile("deep.ode", text)).getFirst();
        assertEquals(OdecParsing.TOO_DEEPLY_NESTED, d.code());
        assertEquals("deep.ode:3:" + (7 + n), d.span().location());
        assertEquals("brackets nest more than 1000 deep here; split the expression with lets", d.message());
        // One fewer parses.
        String fits = "system S {\n  state x = 1;\n  x' = " + "(".repeat(n - 1) + "x" + ")".repeat(n - 1) + ";\n}\n";
        Diagnostics ok = new Diagnostics();
        assertTrue(OdecParsing.parse(new SourceFile("fits.ode", fits), ok).isPresent(), ok.sorted().toString());
    }

    @Test
    void aParserStackOverflowIsReportedWhereTheParserGotTo() throws InterruptedException {
        // Conditionals chain without brackets; on a small stack the parser gives up, at a position.
        StringBuilder chain = new StringBuilder("system S {\n  state x = 1;\n  x' = ");
        for (int i = 0; i < 20_000; i++) {
            chain.append("x > ").append(i).append(" ? 1 : ");
        }
        String text = chain.append("x;\n}\n").toString();
        Diagnostics ds = new Diagnostics();
        Thread small = new Thread(null, () -> OdecParsing.parse(new SourceFile("chain.ode", text), ds), "small", 256 << 10);
        small.start();
        small.join();
        Diagnostic d = ds.sorted().getFirst();
        assertEquals(OdecParsing.TOO_DEEPLY_NESTED, d.code(), d.toString());
        assertEquals(3, d.span().line(), d.toString());
        assertTrue(d.span().column() > 7, d.toString());
        assertEquals("the expression here nests too deeply to parse; split it with lets", d.message());
    }
}
