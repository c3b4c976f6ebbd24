package io.github.odec.cli.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 describes it, and as R, Excel and pandas write it:
 * cells separated by commas; a cell in double quotes may hold commas, line breaks and quotes
 * written twice ({@code "a ""b"""}); records end with LF, CRLF or a lone CR; a UTF-8 byte-order
 * mark before the first record is dropped. One pass over the characters, no backtracking, so the
 * time is linear in the input whatever it holds.
 */
final class CsvRecordReader {

    private static final int END = -1;
    private static final int NONE = -2;

    private final String source;
    private final Reader in;
    private final char[] buffer = new char[8192];
    private int length;
    private int position;
    private int pushedBack = NONE;
    private boolean started;
    /** The physical line the reader is on (1-based). */
    private int line = 1;
    private int recordLine;

    CsvRecordReader(String source, Reader in) {
        this.source = source;
        this.in = in;
    }

    /** The line the last record returned by {@link #next()} started on. */
    int recordLine() {
        return recordLine;
    }

    /**
     * The cells of the next record, unquoted but not trimmed; null at the end of the input.
     *
     * @throws CsvInputException for a quoted cell that never closes or has text after its closing quote
     */
    List<String> next() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read(); // a byte-order mark some spreadsheets write
            }
        }
        if (c == END) {
            return null;
        }
        recordLine = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        while (true) {
            cell.setLength(0);
            while (c == ' ' || c == '\t') {
                cell.append((char) c);
                c = read();
            }
            if (c == '"') {
                c = readQuoted(cell, cells.size() + 1);
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != END) {
                    cell.append((char) c);
                    c = read();
                }
            }
            cells.add(cell.toString());
            if (c != ',') {
                break;
            }
            c = read();
        }
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                pushedBack = after;
            }
        }
        if (c != END) {
            line++;
        }
        return cells;
    }

    /** Reads a quoted cell whose opening quote was just read; returns the character after it. */
    private int readQuoted(StringBuilder cell, int column) throws IOException {
        int opened = line;
        cell.setLength(0); // spaces before the opening quote are not part of the value
        while (true) {
            int c = read();
            if (c == END) {
                throw new CsvInputException(source + ":" + opened + ": the quoted cell in column " + column
                        + " that starts here never ends; close it with \", and write a quote inside it as \"\"");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    c = after;
                    while (c == ' ' || c == '\t') {
                        c = read();
                    }
                    if (c != ',' && c != '\n' && c != '\r' && c != END) {
                        throw new CsvInputException(source + ":" + line + ": column " + column
                                + ": text after the closing quote of a quoted cell; write a quote inside a quoted cell as \"\"");
                    }
                    return c;
                }
            } else if (c == '\n') {
                line++;
            }
            cell.append((char) c);
        }
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        if (position == length) {
            length = in.read(buffer);
            position = 0;
            if (length <= 0) {
                length = 0;
                return END;
            }
        }
        return buffer[position++];
    }
}
