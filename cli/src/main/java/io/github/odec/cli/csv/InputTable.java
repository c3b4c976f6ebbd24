package io.github.odec.cli.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import io.github.odec.runtime.ProblemList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A numeric CSV table: a header row of unique column names, then rows of numbers, one per batch
 * instance. Records are read as RFC 4180 describes them ({@link CsvRecordReader}: quoted cells,
 * CRLF, a byte-order mark); cells are trimmed; blank lines are skipped. Numbers are decimal
 * ({@code 1}, {@code -2.5e-3}) or infinities ({@code Infinity}, {@code inf}); an empty cell or a
 * missing-value token ({@code NaN}, {@code NA}, ... see {@link CsvNumber#MISSING}) reads as NaN,
 * which {@link #missing(int, int)} reports, so the caller decides what a missing value means.
 *
 * <p>A header whose first cell is empty ({@code ,x,y}) starts with a row-label column, as pandas'
 * {@code to_csv()} and R's {@code write.csv} write their index; that column is skipped, and
 * instances are numbered by row position.
 */
public final class InputTable {

    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex;
    private final double[][] rows;
    private final int[] lines;
    private final boolean rowLabels;

    private InputTable(String source, List<String> columns, double[][] rows, int[] lines, boolean rowLabels) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.lines = lines;
        this.rowLabels = rowLabels;
        this.columnIndex = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            columnIndex.put(columns.get(c), c);
        }
    }

    /**
     * @throws CsvInputException naming the file and line for an empty file, duplicate or empty
     *                           header names, ragged rows, unclosed quotes and cells that are not numbers
     */
    public static InputTable read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), reader);
        }
    }

    /** Reads from any reader; {@code source} names it in messages. */
    public static InputTable read(String source, Reader reader) throws IOException {
        CsvRecordReader records = new CsvRecordReader(source, reader);
        ProblemList<CsvInputException> problems = CsvInputException.collector();
        List<String> header = null;
        boolean rowLabels = false;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        boolean seenRow = false;
        for (List<String> cells = records.next(); cells != null; cells = records.next()) {
            int lineNumber = records.recordLine();
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue;
            }
            if (header == null) {
                rowLabels = cells.size() > 1 && cells.getFirst().isBlank();
                header = rowLabels ? readHeader(source, lineNumber, cells.subList(1, cells.size()), 1, problems)
                        : readHeader(source, lineNumber, cells, 0, problems);
                continue;
            }
            String at = source + ":" + lineNumber + ": ";
            int first = rowLabels ? 1 : 0;
            int expected = header.size() + first;
            boolean firstRow = !seenRow;
            seenRow = true;
            if (cells.size() != expected) {
                problems.add(at + cells.size() + " cells, but the header has " + expected + " columns"
                        + (firstRow && cells.size() == expected + 1
                                ? " (row labels without a header cell above them? start the header with a comma,"
                                        + " as R's write.csv does, or leave the labels out)"
                                : ""));
                continue;
            }
            double[] row = new double[header.size()];
            for (int c = 0; c < row.length; c++) {
                String cell = cells.get(c + first).strip();
                switch (CsvNumber.parse(cell)) {
                    case CsvNumber.Value v -> row[c] = v.value();
                    case CsvNumber.Missing _ -> row[c] = Double.NaN;
                    case CsvNumber.NotANumber bad -> problems.add(at + "column '" + header.get(c) + "': "
                            + CsvNumber.quoted(cell) + " is not a number" + bad.hint());
                }
            }
            rows.add(row);
            rowLines.add(lineNumber);
        }
        if (header == null) {
            throw new CsvInputException(source + ": empty file; expected a header row naming the columns");
        }
        problems.throwIfAny();
        return new InputTable(source, header, rows.toArray(double[][]::new),
                rowLines.stream().mapToInt(Integer::intValue).toArray(), rowLabels);
    }

    /** {@code skipped}: the row-label columns before {@code cells}, for column numbers in messages. */
    private static List<String> readHeader(String source, int lineNumber, List<String> cells, int skipped,
                                           ProblemList<CsvInputException> problems) {
        String at = source + ":" + lineNumber + ": ";
        if (cells.size() == 1) {
            String only = cells.getFirst();
            for (String separator : List.of(";", "\t", "|")) {
                if (only.contains(separator)) {
                    throw new CsvInputException(at + "the header is one column " + CsvNumber.quoted(only.strip())
                            + ": its cells are separated by '" + (separator.equals("\t") ? "\\t" : separator)
                            + "', but odec reads commas (spreadsheets: save as \"CSV UTF-8 (comma delimited)\";"
                            + " pandas: to_csv(sep=\",\"))");
                }
            }
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String name = cells.get(c).strip();
            if (name.isEmpty()) {
                problems.add(at + "header column " + (c + 1 + skipped) + " has no name");
            } else if (seen.containsKey(name)) {
                problems.add(at + "duplicate column '" + name + "' (columns " + (seen.get(name) + 1 + skipped) + " and "
                        + (c + 1 + skipped) + ")");
            } else {
                seen.put(name, c);
            }
            names.add(name);
        }
        problems.throwIfAny(); // rows cannot be read against a broken header
        return names;
    }

    /** The name used for this table in messages (the file name). */
    public String source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public Optional<Integer> column(String name) {
        return Optional.ofNullable(columnIndex.get(name));
    }

    public int rowCount() {
        return rows.length;
    }

    /** The cell's number; NaN where the cell is empty or a missing-value token. */
    public double value(int row, int column) {
        return rows[row][column];
    }

    /** Whether the cell is empty or a missing-value token ({@code NaN}, {@code NA}, ...). */
    public boolean missing(int row, int column) {
        return Double.isNaN(rows[row][column]);
    }

    /** Whether the file's first column held row labels (an index) that were skipped. */
    public boolean hadRowLabels() {
        return rowLabels;
    }

    /** Rows {@code from} (included) to {@code to} (excluded) as a table of their own, sharing this one's cells and lines. */
    public InputTable rows(int from, int to) {
        return new InputTable(source, columns, Arrays.copyOfRange(rows, from, to),
                Arrays.copyOfRange(lines, from, to), rowLabels);
    }

    /** The file line a row came from (1-based), for messages. */
    public int lineOf(int row) {
        return lines[row];
    }
}
