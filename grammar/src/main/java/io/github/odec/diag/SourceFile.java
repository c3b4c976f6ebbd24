package io.github.odec.diag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text of one {@code .ode} file and the name diagnostics use for it. */
public record SourceFile(String name, String text) {

    public static SourceFile read(Path path) throws IOException {
        return new SourceFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /** The text of 1-based {@code line} without its line terminator; empty when out of range. */
    public String lineText(int line) {
        int start = 0;
        for (int current = 1; current < line; current++) {
            int newline = text.indexOf('\n', start);
            if (newline < 0) {
                return "";
            }
            start = newline + 1;
        }
        if (line < 1 || start > text.length()) {
            return "";
        }
        int end = text.indexOf('\n', start);
        String raw = end < 0 ? text.substring(start) : text.substring(start, end);
        return raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
    }
}
