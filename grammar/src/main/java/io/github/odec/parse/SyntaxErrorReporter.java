package io.github.odec.parse;

import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import io.github.odec.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Replaces ANTLR's console listener: each syntax error becomes a diagnostic under the whole offending
 * token, saying what was found and what the grammar expected there, in words rather than token names.
 */
final class SyntaxErrorReporter extends BaseErrorListener {

    static final String CODE = "syntax-error";

    /** Tokens that can start an expression; when all are expected we say "an expression". */
    private static final Set<Integer> EXPRESSION_START = Set.of(
            OdecParser.NUMBER, OdecParser.ID, OdecParser.PI, OdecParser.T, OdecParser.LPAREN,
            OdecParser.MINUS, OdecParser.PLUS, OdecParser.BANG);

    /** Words that are keywords only inside methods or events and may otherwise be names. */
    private static final Set<Integer> NAME_TOKENS = Set.of(
            OdecParser.ID, OdecParser.ORDER, OdecParser.EMBEDDED, OdecParser.FSAL, OdecParser.C,
            OdecParser.A, OdecParser.B, OdecParser.BHAT, OdecParser.INTERP, OdecParser.GAMMA, OdecParser.ALPHA,
            OdecParser.ROSENBROCK,
            OdecParser.EVENT, OdecParser.WHEN, OdecParser.CROSSES, OdecParser.RISING, OdecParser.FALLING, OdecParser.TERMINATE);

    private final SourceFile source;
    private final Diagnostics diagnostics;

    SyntaxErrorReporter(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        if (!(offendingSymbol instanceof Token token) || !(recognizer instanceof Parser parser)) {
            // The lexer turns every stray character into a token, so this is only a fallback.
            diagnostics.error(new Span(source, line, charPositionInLine + 1, 0, 1), CODE, msg);
            return;
        }
        Span span = token.getType() == Token.EOF ? endOfFile(parser, token) : spanOf(token);
        IntervalSet expected = expectedTokens(parser, e);
        String found = describeFound(token);
        if (isReservedWord(token) && NAME_TOKENS.stream().anyMatch(expected::contains)) {
            found += " (a reserved word)";
        }
        String message = expected.isNil() ? "unexpected " + found : "unexpected " + found + "; expected " + describe(expected);
        diagnostics.error(span, CODE, message);
    }

    private Span spanOf(Token token) {
        int length = token.getType() == Token.EOF ? 0 : Math.max(1, token.getStopIndex() - token.getStartIndex() + 1);
        return new Span(source, token.getLine(), token.getCharPositionInLine() + 1, Math.max(0, token.getStartIndex()), length);
    }

    /**
     * Where "unexpected end of file" points: the last character of the last token, which is on a line
     * of the file (the end-of-file token itself sits one column past the end of the last line, or on
     * an empty line after it).
     */
    private Span endOfFile(Parser parser, Token eof) {
        Token last = eof.getTokenIndex() > 0 ? parser.getTokenStream().get(eof.getTokenIndex() - 1) : null;
        while (last != null && last.getChannel() != Token.DEFAULT_CHANNEL && last.getTokenIndex() > 0) {
            last = parser.getTokenStream().get(last.getTokenIndex() - 1);
        }
        if (last == null || last.getChannel() != Token.DEFAULT_CHANNEL || last.getStopIndex() < last.getStartIndex()) {
            return spanOf(eof);
        }
        int length = last.getStopIndex() - last.getStartIndex() + 1;
        return new Span(source, last.getLine(), last.getCharPositionInLine() + length, last.getStopIndex(), 1);
    }

    /** A keyword such as {@code t}, {@code pi} or {@code state}, written where a name was expected. */
    private static boolean isReservedWord(Token token) {
        String literal = OdecParser.VOCABULARY.getLiteralName(token.getType());
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    private static IntervalSet expectedTokens(Parser parser, RecognitionException e) {
        try {
            IntervalSet set = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            return set == null ? new IntervalSet() : set;
        } catch (RuntimeException lookupFailed) {
            return new IntervalSet(); // the message then names only what was found
        }
    }

    private static String describeFound(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case OdecParser.UNEXPECTED_CHAR -> "character '" + token.getText() + "'";
            default -> "'" + token.getText() + "'";
        };
    }

    static String describe(IntervalSet expected) {
        List<Integer> types = expected.toList();
        Set<String> words = new LinkedHashSet<>();
        boolean expression = types.containsAll(EXPRESSION_START);
        // Where a name may stand, the words that may be names are folded into it; where none may
        // (after an event's condition), 'rising', 'falling' and 'terminate' are keywords and listed.
        boolean name = types.contains(OdecParser.ID);
        for (int type : types) {
            if (expression && (EXPRESSION_START.contains(type) || NAME_TOKENS.contains(type))) {
                words.add("an expression");
            } else if (name && NAME_TOKENS.contains(type)) {
                words.add("a name");
            } else if (type == OdecParser.NUMBER) {
                words.add("a number");
            } else if (type == OdecParser.PRIME) {
                words.add("a prime (x' = ...)");
            } else if (type == Token.EOF) {
                words.add("end of file");
            } else {
                String literal = OdecParser.VOCABULARY.getLiteralName(type);
                words.add(literal != null ? literal : OdecParser.VOCABULARY.getDisplayName(type));
            }
        }
        List<String> list = new ArrayList<>(words);
        if (list.size() == 1) {
            return list.getFirst();
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.getLast();
    }
}
