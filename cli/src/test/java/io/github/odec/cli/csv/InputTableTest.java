package io.github.odec.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTableTest {

    private static InputTable parse(String text) throws IOException {
        return InputTable.read("in.csv", new StringReader(text));
    }

    private static void assertRejected(String text, String... fragments) {
        CsvInputException e = assertThrows(CsvInputException.class, () -> parse(text));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
        }
    }

    @Test
    void readsHeaderAndNumbersSkippingBlankLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("batch.csv");
        Files.writeString(file, "\uFEFFx, u[0] ,mu\r\n1,2.5,-3e-2\r\n\r\n  \n.5, NaN ,-Infinity\n");
        InputTable table = InputTable.read(file);
        assertEquals("batch.csv", table.source());
        assertEquals(List.of("x", "u[0]", "mu"), table.columns());
        assertEquals(2, table.rowCount());
        assertEquals(-3e-2, table.value(0, 2));
        assertEquals(0.5, table.value(1, 0));
        assertTrue(Double.isNaN(table.value(1, 1)));
        assertEquals(Double.NEGATIVE_INFINITY, table.value(1, 2));
        assertEquals(Optional.of(1), table.column("u[0]"));
        assertEquals(Optional.empty(), table.column("v"));
        assertEquals(2, table.lineOf(0));
        assertEquals(5, table.lineOf(1), "blank lines still count");
    }

    @Test
    void headerOnlyIsAnEmptyBatch() throws IOException {
        assertEquals(0, parse("x,y\n").rowCount());
    }

    @Test
    void emptyFile() {
        assertRejected("", "in.csv: empty file");
        assertRejected("\n \n", "in.csv: empty file");
    }

    @Test
    void raggedRowsNameTheirLine() {
        assertRejected("x,y\n1,2\n3\n4,5,6\n", "in.csv:3: 1 cells, but the header has 2 columns",
                "in.csv:4: 3 cells");
    }

    @Test
    void nonNumericCellsNameLineAndColumn() {
        assertRejected("x,y\n1,2\n1,abc\n", "in.csv:3: column 'y': 'abc' is not a number");
        assertRejected("x,y\n1,\n", "in.csv:2: column 'y': empty cell");
        // Java would accept these; a CSV reader should not.
        assertRejected("x\n0x1p3\n", "'0x1p3' is not a number");
        assertRejected("x\n1d\n", "'1d' is not a number");
    }

    @Test
    void brokenHeaders() {
        assertRejected("x,y,x\n1,2,3\n", "in.csv:1: duplicate column 'x' (columns 1 and 3)");
        assertRejected("x,,y\n1,2,3\n", "in.csv:1: header column 2 has no name");
    }
}
