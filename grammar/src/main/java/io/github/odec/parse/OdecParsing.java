package io.github.odec.parse;

import io.github.odec.ast.OdeFile;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import io.github.odec.diag.Span;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/** The parse step: text to AST, or syntax errors. */
public final class OdecParsing {

    /**
     * How deep a file may nest: brackets of any kind here, expressions in the checker (the same
     * bound). Every pass after the parser that recurses over an expression was measured to handle
     * this depth on a 1 MiB thread stack (the JVM's default, which the command line runs with).
     */
    public static final int MAX_NESTING = 1000;

    /** The code of diagnostics about nesting, here and in the checker. */
    public static final String TOO_DEEPLY_NESTED = "too-deeply-nested";

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
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (!nestingWithinBound(source, tokens, diagnostics)) {
            return Optional.empty();
        }
        OdecParser parser = new OdecParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(reporter);
        OdecParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (StackOverflowError tooDeep) {
            // Long chains of operators without brackets (x ? 1 : x ? 2 : ...) recurse too; say where it got to.
            diagnostics.error(span(source, parser.getCurrentToken()), TOO_DEEPLY_NESTED,
                    "the expression here nests too deeply to parse; split it with lets");
            return Optional.empty();
        }
        if (diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AstBuilder(source).file(tree));
        } catch (StackOverflowError tooDeep) {
            diagnostics.error(new Span(source, 1, 1, 0, 0), TOO_DEEPLY_NESTED, "the file nests expressions too deeply to parse");
            return Optional.empty();
        }
    }

    /** Brackets of every kind nested at most {@link #MAX_NESTING} deep; else reported at the first one too many. */
    private static boolean nestingWithinBound(SourceFile source, CommonTokenStream tokens, Diagnostics diagnostics) {
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            switch (t.getType()) {
                case OdecLexer.LPAREN, OdecLexer.LBRACK, OdecLexer.LBRACE -> {
                    if (++depth > MAX_NESTING) {
                        diagnostics.error(span(source, t), TOO_DEEPLY_NESTED, "brackets nest more than " + MAX_NESTING
                                + " deep here; split the expression with lets");
                        return false;
                    }
                }
                case OdecLexer.RPAREN, OdecLexer.RBRACK, OdecLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return true;
    }

    private static Span span(SourceFile source, Token token) {
        int length = token.getType() == Token.EOF ? 0 : Math.max(1, token.getStopIndex() - token.getStartIndex() + 1);
        return new Span(source, token.getLine(), token.getCharPositionInLine() + 1, Math.max(0, token.getStartIndex()), length);
    }
}
