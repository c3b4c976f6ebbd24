package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a first-time user meets: CSV files as pandas, R and spreadsheets write them, and messages
 * that name the command line's flags ({@code --max-steps}, not {@code maxSteps}), once per mistake.
 */
class SolveInputMessagesTest {

    /** x = x0 cos(w t) + v0 / w sin(w t). */
    private static final String OSCILLATOR = """
            system Oscillator {
                state x = 1.0, v = 0.0;
                param w = 2.0;
                x' = v;
                v' = -w * w * x;
            }
            """;

    /** dopri5 at rtol 1e-9, atol 1e-12 over t = 1: global error about 1e-9; 1e-7 leaves room. */
    private static final double TIGHT_ERROR = 1e-7;

    @TempDir
    Path dir;
    Path oscillator;

    @BeforeEach
    void sample() throws IOException {
        oscillator = Files.writeString(dir.resolve("oscillator.ode"), OSCILLATOR);
    }

    /** Solves over [0, 1], at tight tolerances unless the options give their own. */
    private CliRun solve(String... options) {
        boolean ownTolerances = Arrays.asList(options).contains("--rtol") || Arrays.asList(options).contains("--atol");
        String[] args = ownTolerances ? new String[] {"solve", oscillator.toString(), "--t1", "1"}
                : new String[] {"solve", oscillator.toString(), "--t1", "1", "--rtol", "1e-9", "--atol", "1e-12"};
        String[] all = Arrays.copyOf(args, args.length + options.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return odec(all);
    }

    @Test
    void badOptionsAreNamedByTheirFlagsOnce() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("odec: --max-steps must be >= 1, got 0\n", List.of("--batch", "3", "--max-steps", "0"));
        cases.put("odec: --dt-min must be finite and >= 0, got -1.0\n", List.of("--batch", "3", "--dt-min", "-1"));
        cases.put("odec: --dt-max must be > 0 (+Infinity = no limit), got 0.0\n", List.of("--batch", "3", "--dt-max", "0"));
        cases.put("odec: --dt0 must be finite and >= 0 (0 = automatic), got -1.0\n", List.of("--batch", "3", "--dt0", "-1"));
        cases.put("odec: --dt-min (1.0) must not exceed --dt-max (0.5)\n",
                List.of("--batch", "3", "--dt-min", "1", "--dt-max", "0.5"));
        cases.put("odec: --threads must be >= 1, got 0\n", List.of("--batch", "3", "--threads", "0"));
        // A shared option that is bad for a thousand instances is one message, not a thousand.
        cases.put("odec: --rtol must be finite and > 0, got -1.0 (in all 1000 instances)\n",
                List.of("--batch", "1000", "--rtol", "-1"));
        cases.put("odec: 2 invalid inputs:\n  --t0 is NaN; it must be finite (in all 1000 instances)\n"
                        + "  --atol must be finite and > 0, got 0.0 (in all 1000 instances)\n",
                List.of("--batch", "1000", "--t0", "NaN", "--atol", "0"));
        cases.put("odec: --param 'w' is Infinity; it must be finite (in all 4 instances)\n",
                List.of("--batch", "4", "--param", "w=Infinity"));
        cases.forEach((expected, options) -> {
            CliRun run = solve(options.toArray(String[]::new));
            assertEquals(ExitCode.USER_ERROR, run.exitCode(), options + "\n" + run.transcript());
            assertEquals(expected, run.err(), options.toString());
            assertEquals("", run.out());
        });
    }

    /** A shared option that only some rows fall back to is named per instance: those rows' cells are empty. */
    @Test
    void aBadSharedValueOnlySomeRowsUseNamesThoseInstances() throws IOException {
        Path csv = Files.writeString(dir.resolve("starts.csv"), "x,rtol\n1,1e-9\n2,\n3,1e-9\n");
        CliRun run = odec("solve", oscillator.toString(), "--y0", csv.toString(), "--rtol", "-1");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: --rtol of instance 1 must be finite and > 0, got -1.0\n", run.err());
    }

    private void assertOscillator(CliRun run, double[][] x0v0w) {
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        List<String> lines = run.out().lines().toList();
        assertEquals("instance,t,x,v", lines.getFirst());
        assertEquals(1 + x0v0w.length, lines.size());
        for (int i = 0; i < x0v0w.length; i++) {
            double[] row = Arrays.stream(lines.get(1 + i).split(",")).mapToDouble(Double::parseDouble).toArray();
            double x0 = x0v0w[i][0], v0 = x0v0w[i][1], w = x0v0w[i][2];
            assertEquals(i, (int) row[0]);
            assertEquals(x0 * Math.cos(w) + v0 / w * Math.sin(w), row[2], TIGHT_ERROR, "instance " + i);
        }
    }

    /** pandas' df.to_csv("starts.csv"): index column, NaN as an empty cell (falls back to --param, then the default). */
    @Test
    void pandasDefaultCsvIsRead() throws IOException {
        Path csv = Files.writeString(dir.resolve("starts.csv"), ",x,v,w\n0,1.0,0.0,2.0\n1,0.0,1.0,\n2,,0.5,1.5\n");
        assertOscillator(solve("--y0", csv.toString(), "--param", "w=3"),
                new double[][] {{1, 0, 2}, {0, 1, 3}, {1, 0.5, 1.5}});
    }

    /** R's write.csv(df): quoted header, quoted row names, NA. Excel: CRLF and quoted numbers. */
    @Test
    void rAndExcelCsvAreRead() throws IOException {
        Path r = Files.writeString(dir.resolve("r.csv"), "\"\",\"x\",\"v\",\"w\"\n\"1\",1,0,NA\n\"2\",2,0,1\n");
        assertOscillator(solve("--y0", r.toString()), new double[][] {{1, 0, 2}, {2, 0, 1}});
        Path excel = Files.writeString(dir.resolve("excel.csv"), "\uFEFF\"x\",\"v\"\r\n\"0.5\",\"-1\"\r\n");
        assertOscillator(solve("--y0", excel.toString()), new double[][] {{0.5, -1, 2}});
    }

    @Test
    void aMegabyteCellIsAPromptShortMessage() throws IOException {
        Path csv = Files.writeString(dir.resolve("big.csv"), "x\n" + "1".repeat(1_000_000) + "a\n");
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> solve("--y0", csv.toString()));
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: big.csv:2: column 'x': '111111111111111111111111...' (1000001 characters) is not a number\n",
                run.err());
    }
}
