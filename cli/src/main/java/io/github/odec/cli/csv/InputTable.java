package io.github.odec.cli.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import io.github.odec.runtime.ProblemList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A numeric CSV table: a header row of unique column names, then rows of numbers, one per batch
 * instance. Cells are separated by commas and trimmed; blank lines are skipped; quoting is not
 * supported (no odec name contains a comma). Numbers are decimal ({@code 1}, {@code -2.5e-3}) or
 * {@code NaN}, {@code Infinity}, {@code -Infinity}, exactly as {@link Double#toString} writes them,
 * so the tables odec writes read back bit for bit.
 */
public final class InputTable {

    /** Decimal numbers and Double.toString's special values; not Java's hex or "1d" forms. */
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(NaN|Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex;
    private final double[][] rows;
    private final int[] lines;

    private InputTable(String source, List<String> columns, double[][] rows, int[] lines) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.lines = lines;
        this.columnIndex = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            columnIndex.put(columns.get(c), c);
        }
    }

    /**
     * @throws CsvInputException naming the file and line for an empty file, duplicate or empty
     *                           header names, ragged rows and cells that are not numbers
     */
    public static InputTable read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), reader);
        }
    }

    /** Reads from any reader; {@code source} names it in messages. */
    public static InputTable read(String source, Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        ProblemList<CsvInputException> problems = CsvInputException.collector();
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark some spreadsheets write
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = readHeader(source, lineNumber, cells, problems);
                continue;
            }
            String at = source + ":" + lineNumber + ": ";
            if (cells.length != header.size()) {
                problems.add(at + cells.length + " cells, but the header has " + header.size() + " columns");
                continue;
            }
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c].strip();
                if (NUMBER.matcher(cell).matches()) {
                    row[c] = Double.parseDouble(cell);
                } else {
                    problems.add(at + "column '" + header.get(c) + "': "
                            + (cell.isEmpty() ? "empty cell" : "'" + cell + "' is not a number"));
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
                rowLines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<String> readHeader(String source, int lineNumber, String[] cells, ProblemList<CsvInputException> problems) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < cells.length; c++) {
            String name = cells[c].strip();
            String at = source + ":" + lineNumber + ": ";
            if (name.isEmpty()) {
                problems.add(at + "header column " + (c + 1) + " has no name");
            } else if (seen.containsKey(name)) {
                problems.add(at + "duplicate column '" + name + "' (columns " + (seen.get(name) + 1) + " and "
                        + (c + 1) + ")");
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

    public double value(int row, int column) {
        return rows[row][column];
    }

    /** The file line a row came from (1-based), for messages. */
    public int lineOf(int row) {
        return lines[row];
    }
}
