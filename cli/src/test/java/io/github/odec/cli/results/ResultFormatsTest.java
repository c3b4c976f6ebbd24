package io.github.odec.cli.results;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.cli.CliRun;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The npy and Parquet files {@code odec solve} writes hold exactly the values of its CSV (which reads back
 * exactly: CsvResultsTest), in every chunking: Parquet read back by DuckDB, an independent reader;
 * npy by the format's specification here and by numpy itself in {@code PythonFormatsTest}.
 */
class ResultFormatsTest {

    /** Two states, a parameter per row; instance 3 fails (its step limit), so statuses differ. */
    private static final String OSCILLATOR = """
            system Oscillator {
                state x = 1.0, v = 0.0;
                param w = 1.0;
                x' = v;
                v' = -w * w * x;
            }
            """;

    @TempDir
    Path dir;
    Path ode;
    Path y0;
    Path times;

    @BeforeEach
    void inputs() throws IOException {
        ode = Files.writeString(dir.resolve("osc.ode"), OSCILLATOR);
        StringBuilder rows = new StringBuilder("x,w,t1\n");
        StringBuilder eval = new StringBuilder("instance,t\n");
        for (int i = 0; i < 11; i++) {
            rows.append(1 + 0.1 * i).append(',').append(0.5 + 0.25 * i).append(',').append(i == 3 ? 500 : 2 + i).append('\n');
            for (int k = 0; k <= i % 4; k++) { // 1 to 4 points: rows of different lengths
                eval.append(i).append(',').append(0.5 * k).append('\n');
            }
        }
        y0 = Files.writeString(dir.resolve("y0.csv"), rows);
        times = Files.writeString(dir.resolve("times.csv"), eval);
    }

    private CliRun solve(String precision, String chunk, String... outputs) {
        List<String> args = new ArrayList<>(List.of("solve", ode.toString(), "--y0", y0.toString(), "--eval-times-file",
                times.toString(), "--max-steps", "200", "--precision", precision, "--chunk", chunk));
        args.addAll(List.of(outputs));
        CliRun run = odec(args.toArray(String[]::new));
        assertEquals(3, run.exitCode(), run.transcript()); // instance 3 fails: exit 3, files written
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"f64", "f32"})
    void parquetHoldsTheCsvsValuesAsDuckDbReadsThem(String precision) throws Exception {
        solve(precision, "11", "--out", dir.resolve("v.csv").toString(), "--stats", dir.resolve("s.csv").toString());
        solve(precision, "4", "--out", dir.resolve("v.parquet").toString(), "--stats", dir.resolve("s.parquet").toString());
        boolean f32 = precision.equals("f32");
        assertEquals(csv(dir.resolve("v.csv"), f32), duckDb(dir.resolve("v.parquet")));
        assertEquals(csv(dir.resolve("s.csv"), f32), duckDb(dir.resolve("s.parquet")));
        assertEquals(f32 ? "FLOAT" : "DOUBLE", columnType(dir.resolve("v.parquet"), "x"));
        assertEquals("BIGINT", columnType(dir.resolve("v.parquet"), "instance"));
        assertEquals("VARCHAR", columnType(dir.resolve("s.parquet"), "status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f64", "f32"})
    void npyHoldsTheCsvsValuesAsTheFormatDefinesThem(String precision) throws Exception {
        solve(precision, "11", "--out", dir.resolve("v.csv").toString());
        solve(precision, "3", "--out", dir.resolve("v.npy").toString());
        boolean f32 = precision.equals("f32");
        List<List<String>> expected = csv(dir.resolve("v.csv"), f32);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("v.npy"))).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, new byte[] {magic[0], magic[1], magic[2],
                magic[3], magic[4], magic[5], b.get(), b.get()});
        int headerLength = Short.toUnsignedInt(b.getShort());
        String header = new String(b.array(), 10, headerLength, StandardCharsets.US_ASCII);
        String real = f32 ? "<f4" : "<f8";
        assertEquals("{'descr': [('instance', '<i8'), ('t', '" + real + "'), ('x', '" + real + "'), ('v', '" + real
                + "')], 'fortran_order': False, 'shape': (" + expected.size() + ",), }", header.strip());
        assertEquals(0, (10 + headerLength) % 64, "the data is 64-byte aligned");
        assertTrue(header.endsWith("\n"));
        b.position(10 + headerLength);
        List<List<String>> read = new ArrayList<>();
        while (b.hasRemaining()) {
            List<String> row = new ArrayList<>(List.of(Long.toString(b.getLong())));
            for (int c = 0; c < 3; c++) {
                row.add(f32 ? Float.toString(b.getFloat()) : Double.toString(b.getDouble()));
            }
            read.add(row);
        }
        assertEquals(expected, read);
    }

    @Test
    void chunksChangeNoByteOfAnyFormat() throws Exception {
        for (String format : List.of("csv", "npy", "parquet")) {
            solve("f64", "11", "--out", dir.resolve("whole." + format).toString(), "--stats",
                    dir.resolve("whole-stats." + format).toString());
            solve("f64", "2", "--out", dir.resolve("chunked." + format).toString(), "--stats",
                    dir.resolve("chunked-stats." + format).toString());
            if (!format.equals("parquet")) { // Parquet's row groups are the chunks: same rows, other layout
                assertArrayEquals(Files.readAllBytes(dir.resolve("whole." + format)),
                        Files.readAllBytes(dir.resolve("chunked." + format)), format);
                assertArrayEquals(Files.readAllBytes(dir.resolve("whole-stats." + format)),
                        Files.readAllBytes(dir.resolve("chunked-stats." + format)), format);
            }
        }
        assertEquals(duckDb(dir.resolve("whole.parquet")), duckDb(dir.resolve("chunked.parquet")));
        assertEquals(duckDb(dir.resolve("whole-stats.parquet")), duckDb(dir.resolve("chunked-stats.parquet")));
    }

    @Test
    void formatOptionOverridesTheExtensionAndBinaryNeedsAFile() throws Exception {
        solve("f64", "5", "--out", dir.resolve("v.dat").toString(), "--format", "parquet");
        solve("f64", "5", "--out", dir.resolve("v.csv").toString());
        assertEquals(csv(dir.resolve("v.csv"), false), duckDb(dir.resolve("v.dat")));
        CliRun run = odec("solve", ode.toString(), "--batch", "2", "--format", "npy");
        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals("odec: --format npy is binary: give --out FILE.npy (standard output takes CSV)\n", run.err());
    }

    /** The CSV's cells, reals as the precision's shortest decimal (CsvTableWriter's form). */
    private static List<List<String>> csv(Path file, boolean f32) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            rows.add(List.of(line.split(",")));
        }
        return rows;
    }

    /** The file as DuckDB reads it, each cell written as CsvTableWriter writes that Java type. */
    private static List<List<String>> duckDb(Path parquet) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(r.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String columnType(Path parquet, String column) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT typeof(\"" + column + "\") FROM read_parquet('" + parquet + "') LIMIT 1")) {
            r.next();
            return r.getString(1);
        }
    }
}
