package io.github.odec.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        // Java would accept these; a CSV reader should not.
        assertRejected("x\n0x1p3\n", "'0x1p3' is not a number");
        assertRejected("x\n1d\n", "'1d' is not a number");
    }

    @Test
    void brokenHeaders() {
        assertRejected("x,y,x\n1,2,3\n", "in.csv:1: duplicate column 'x' (columns 1 and 3)");
        assertRejected("x,,y\n1,2,3\n", "in.csv:1: header column 2 has no name");
    }

    /** pandas' default to_csv(): the index as an unnamed first column, NaN as an empty cell. */
    @Test
    void pandasIndexColumnIsSkippedAndEmptyCellsAreMissing() throws IOException {
        InputTable table = parse(",x,y,mu\n0,1.0,0.0,0.5\n1,2.0,,\n");
        assertEquals(List.of("x", "y", "mu"), table.columns());
        assertTrue(table.hadRowLabels());
        assertEquals(2, table.rowCount());
        assertEquals(2.0, table.value(1, 0));
        assertTrue(table.missing(1, 1));
        assertTrue(table.missing(1, 2));
        assertEquals(0.5, table.value(0, 2));
        assertRejected(",x\n0,1,2\n", "in.csv:2: 3 cells, but the header has 2 columns");
    }

    /** R's write.csv: every header cell and row label quoted, NA for missing values, labels from 1. */
    @Test
    void quotedRCsvWithRowNamesAndNa() throws IOException {
        InputTable table = parse("\"\",\"x\",\"u[0]\"\n\"1\",1.5,NA\n\"a row\",\"-2\",3\n");
        assertEquals(List.of("x", "u[0]"), table.columns());
        assertEquals(1.5, table.value(0, 0));
        assertTrue(table.missing(0, 1));
        assertEquals(-2.0, table.value(1, 0));
        assertEquals(3.0, table.value(1, 1));
    }

    /** Excel: CRLF, quoted cells, a quote inside a quoted cell written twice, a comma and a line break inside one. */
    @Test
    void rfc4180QuotingAndLineEnds() throws IOException {
        InputTable table = parse("\uFEFF\"x\",\"say \"\"hi\"\", then\nmore\"\r\n\"1\",\" 2 \"\r\n\r3,4\r\n");
        assertEquals(List.of("x", "say \"hi\", then\nmore"), table.columns());
        assertEquals(2.0, table.value(0, 1));
        assertEquals(2, table.rowCount());
        assertEquals(3, table.lineOf(0), "the header spans lines 1 and 2");
        assertEquals(5, table.lineOf(1), "a lone CR ends a line (an empty one here), as old Mac Excel writes");
    }

    @Test
    void missingValueTokensAndInfinities() throws IOException {
        String tokens = "nan,NaN,NAN,-nan,NA,N/A,n/a,#N/A,<NA>,null,NULL,None,";
        InputTable table = parse("a,b,c,d,e,f,g,h,i,j,k,l,m\n" + tokens + "\ninf,-inf,Infinity,-Infinity,+inf,1,2,3,4,5,6,7,8\n");
        for (int c = 0; c < 13; c++) {
            assertTrue(table.missing(0, c), "column " + c);
        }
        assertEquals(Double.POSITIVE_INFINITY, table.value(1, 0));
        assertEquals(Double.NEGATIVE_INFINITY, table.value(1, 1));
        assertEquals(Double.POSITIVE_INFINITY, table.value(1, 2));
        assertEquals(Double.NEGATIVE_INFINITY, table.value(1, 3));
        assertEquals(Double.POSITIVE_INFINITY, table.value(1, 4));
    }

    /** A regular expression backtracked for minutes on this; the scanner is linear, and the message stays short. */
    @Test
    void aMegabyteCellIsRefusedPromptlyWithAShortMessage() {
        String digits = "1".repeat(1_000_000);
        CsvInputException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CsvInputException.class, () -> parse("x\n" + digits + "a\n")));
        assertEquals("in.csv:2: column 'x': '111111111111111111111111...' (1000001 characters) is not a number",
                e.getMessage());
        InputTable huge = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parse("x\n" + digits + "\n"));
        assertEquals(Double.POSITIVE_INFINITY, huge.value(0, 0), "a million digits is a number, too large for a double");
    }

    @Test
    void quotingMistakesAndOtherSeparatorsSayHowToFixTheFile() {
        assertRejected("x,y\n1,\"2\n3,4\n", "in.csv:2: the quoted cell in column 2 that starts here never ends; "
                + "close it with \", and write a quote inside it as \"\"");
        assertRejected("x\n\"1\"2\n", "in.csv:2: column 1: text after the closing quote of a quoted cell; "
                + "write a quote inside a quoted cell as \"\"");
        assertRejected("x;y\n1;2\n", "in.csv:1: the header is one column 'x;y': its cells are separated by ';', "
                + "but odec reads commas (spreadsheets: save as \"CSV UTF-8 (comma delimited)\"; pandas: to_csv(sep=\",\"))");
        assertRejected("x\ty\n1\t2\n", "separated by '\\t'");
        assertRejected("x,y\n\"1,5\",2\n", "in.csv:2: column 'x': '1,5' is not a number; odec reads a decimal point, "
                + "not a decimal comma: write 1.5");
        assertRejected("x,y\n0,1,2\n1,3,4\n", "in.csv:2: 3 cells, but the header has 2 columns (row labels without a "
                + "header cell above them? start the header with a comma, as R's write.csv does, or leave the labels out)");
    }
}
