package io.github.odec.diag;

/**
 * A stretch of source text: where a token or node starts (1-based line and column, 0-based offset)
 * and how many characters it covers. A span may cross lines; carets are drawn on its first line.
 */
public record Span(SourceFile source, int line, int column, int offset, int length) {

    /** The smallest span covering both, which must be in the same file with {@code this} first. */
    public Span to(Span end) {
        int stop = Math.max(offset + length, end.offset + end.length);
        return new Span(source, line, column, offset, stop - offset);
    }

    /** {@code file:line:column}, as diagnostics print it. */
    public String location() {
        return source.name() + ":" + line + ":" + column;
    }
}
