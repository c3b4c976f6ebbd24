package io.github.odec.diag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text of one {@code .ode} file and the name diagnostics use for it. */
public record SourceFile(String name, String text) {

    /** U+FEFF, which some editors write at the start of a UTF-8 file. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Reads a file as UTF-8, dropping a byte-order mark at its start (as the CSV reader does).
     *
     * @throws CharacterCodingException when the file is not UTF-8; the message names the first bad
     *     byte, its offset and its line, e.g. {@code not UTF-8 text: byte 0xE9 at byte offset 41 (line 3)}
     */
    public static SourceFile read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        return new SourceFile(path.toString(), text);
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8Exception(String.format(
                    "not UTF-8 text: byte 0x%02X at byte offset %d (line %d) is not valid UTF-8; odec reads .ode files"
                            + " as UTF-8, so convert the file (e.g. iconv -f latin1 -t utf-8)",
                    bytes[offset] & 0xFF, offset, line));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** A file that is not UTF-8; the message says where (CharacterCodingException has no message of its own). */
    public static final class NotUtf8Exception extends CharacterCodingException {
        private final String message;

        NotUtf8Exception(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
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
