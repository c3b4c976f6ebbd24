package io.github.odec.parse;

import io.github.odec.ast.OdeFile;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import io.github.odec.diag.Span;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** The parse step: text to AST, or syntax errors. */
public final class OdecParsing {

    private OdecParsing() {}

    /**
     * Parses a file. Every syntax error is reported; the AST is returned only when there were none,
     * so that the checker never sees a tree with holes in it.
     */
    public static Optional<OdeFile> parse(SourceFile source, Diagnostics diagnostics) {
        int errorsBefore = diagnostics.errorCount();
        SyntaxErrorReporter reporter = new SyntaxErrorReporter(source, diagnostics);
        OdecLexer lexer = new OdecLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(reporter);
        OdecParser parser = new OdecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(reporter);
        OdecParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (StackOverflowError tooDeep) {
            diagnostics.error(new Span(source, 1, 1, 0, 0), "too-deeply-nested",
                    "the file nests expressions too deeply to parse");
            return Optional.empty();
        }
        if (diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new AstBuilder(source).file(tree));
    }
}
