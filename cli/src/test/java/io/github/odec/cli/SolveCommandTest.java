package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code odec solve} end to end on linear systems with known solutions: the options reach the
 * solver, the CSV is shaped as documented, and mistakes exit 1 with a message and no files.
 */
class SolveCommandTest {

    /** y = y0 exp(-k t), z = z0 exp(-2 k t). */
    private static final String DECAY = """
            system Decay {
                state y = 1.0, z = 2.0;
                param k = 0.5;
                y' = -k * y;
                z' = -2 * k * z;
            }
            """;

    /** x = x0 cos(w s) + v0 / w sin(w s), v = x', with s = t - t0. */
    private static final String OSCILLATOR = """
            system Oscillator {
                state x = 1.0, v = 0.0;
                param w = 2.0;
                x' = v;
                v' = -w * w * x;
            }
            """;

    /** y' = y^2 from y0 blows up at t = 1 / y0 (for y0 > 0); negative y0 decays towards 0. */
    private static final String BLOW_UP = """
            system BlowUp {
                state y = 1.0;
                y' = y^2;
            }
            """;

    /** With --rtol 1e-9 --atol 1e-12 dopri5's global error on these unit-scale problems is about 1e-8. */
    private static final String[] TIGHT = {"--rtol", "1e-9", "--atol", "1e-12"};
    private static final double TIGHT_ERROR = 1e-7;

    @TempDir
    Path dir;
    Path decay;
    Path oscillator;

    @BeforeEach
    void samples() throws IOException {
        decay = Files.writeString(dir.resolve("decay.ode"), DECAY);
        oscillator = Files.writeString(dir.resolve("oscillator.ode"), OSCILLATOR);
    }

    /** The rows of a values CSV, after checking the header. */
    private static List<double[]> rows(String csv, String header) {
        List<String> lines = csv.lines().toList();
        assertEquals(header, lines.getFirst());
        return lines.stream().skip(1).map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toList();
    }

    private static String[] args(String... parts) {
        return parts;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void batchWithDefaultsWritesTheFinalStatePerInstanceToStdout() {
        CliRun run = odec(concat(args("solve", decay.toString(), "--batch", "3"), TIGHT));
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        List<double[]> rows = rows(run.out(), "instance,t,y,z");
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            double[] row = rows.get(i);
            assertEquals(i, row[0]);
            assertEquals(10.0, row[1], "t1 defaults to 10");
            assertEquals(Math.exp(-5), row[2], TIGHT_ERROR);
            assertEquals(2 * Math.exp(-10), row[3], TIGHT_ERROR);
        }
        assertTrue(run.err().matches("3 instances: 3 succeeded; \\d+ steps in \\d+\\.\\d{3} s\n"), run.err());
    }

    @Test
    void paramAndEvalGiveKEvenlySpacedRowsPerInstance() {
        CliRun run = odec(concat(args("solve", decay.toString(), "--batch", "2", "--param", "k=2", "--t1", "1",
                "--eval", "5"), TIGHT));
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        List<double[]> rows = rows(run.out(), "instance,t,y,z");
        assertEquals(2 * 5, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            double t = (r % 5) * 0.25;
            assertEquals(r / 5, (int) row[0]);
            assertEquals(t, row[1], 1e-15, "evaluation times are evenly spaced from t0 to t1");
            assertEquals(Math.exp(-2 * t), row[2], TIGHT_ERROR);
            assertEquals(2 * Math.exp(-4 * t), row[3], TIGHT_ERROR);
        }
    }

    @Test
    void backwardSpanIntegratesTowardsSmallerTimes() {
        CliRun run = odec(concat(args("solve", decay.toString(), "--batch", "1", "--t0", "1", "--t1", "0",
                "--eval", "3"), TIGHT));
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        List<double[]> rows = rows(run.out(), "instance,t,y,z");
        double[] times = {1, 0.5, 0};
        for (int k = 0; k < 3; k++) {
            assertEquals(times[k], rows.get(k)[1], 1e-15);
            // y(1) = 1, so y(t) = exp(-0.5 (t - 1)); backwards it grows.
            assertEquals(Math.exp(-0.5 * (times[k] - 1)), rows.get(k)[2], TIGHT_ERROR);
        }
    }

    @Test
    void fixedStepRk4TakesExactlyTheStepsItIsToldAndIsFourthOrderAccurate() throws IOException {
        Path stats = dir.resolve("stats.csv");
        CliRun run = odec("solve", oscillator.toString(), "--batch", "2", "--t1", "1", "--eval", "11",
                "--method", "rk4", "--controller", "fixed", "--dt0", "0.01", "--stats", stats.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        List<double[]> rows = rows(run.out(), "instance,t,x,v");
        assertEquals(22, rows.size());
        for (double[] row : rows) {
            double t = row[1];
            // rk4's global error ~ C h^4 = 1e-8 for h = 0.01 and w = 2; 1e-7 leaves room for C.
            assertEquals(Math.cos(2 * t), row[2], 1e-7, "t = " + t);
            assertEquals(-2 * Math.sin(2 * t), row[3], 1e-7, "t = " + t);
        }
        List<String> statLines = Files.readAllLines(stats);
        assertEquals("instance,status,n_f_evals,n_steps,n_accepted,n_initialized,n_rejected,h_last,h_min,h_max,t_stop",
                statLines.getFirst());
        for (String line : statLines.subList(1, statLines.size())) {
            String[] cells = line.split(",");
            assertEquals("SUCCESS", cells[1]);
            assertEquals("100", cells[3], "1 / 0.01 steps, no sliver step at the end");
            assertEquals("0", cells[6], "a fixed step is never rejected");
            for (int c = 7; c <= 9; c++) {
                // t = t0 + n dt: every step, the last one (t1 - t) included, is 0.01 up to the rounding of t.
                assertEquals(0.01, Double.parseDouble(cells[c]), 1e-15, "column " + c);
            }
            assertEquals("1.0", cells[10], "t_stop is t1");
        }
    }

    @Test
    void tsit5AndSinglePrecisionReachTheirAccuracy() {
        CliRun tsit5 = odec(concat(args("solve", oscillator.toString(), "--batch", "1", "--t1", "3", "--method",
                "tsit5"), TIGHT));
        assertEquals(ExitCode.OK, tsit5.exitCode(), tsit5.transcript());
        double[] row = rows(tsit5.out(), "instance,t,x,v").getFirst();
        assertEquals(Math.cos(6), row[2], TIGHT_ERROR);
        assertEquals(-2 * Math.sin(6), row[3], TIGHT_ERROR);

        CliRun f32 = odec("solve", oscillator.toString(), "--batch", "1", "--t1", "3", "--precision", "f32",
                "--rtol", "1e-5", "--atol", "1e-6");
        assertEquals(ExitCode.OK, f32.exitCode(), f32.transcript());
        double[] single = rows(f32.out(), "instance,t,x,v").getFirst();
        // float rounding (6e-8 per operation) over a few hundred steps plus the 1e-5 tolerance.
        assertEquals(Math.cos(6), single[2], 1e-4);
        assertEquals(-2 * Math.sin(6), single[3], 2e-4);
        String cell = f32.out().lines().skip(1).findFirst().orElseThrow().split(",")[2];
        assertEquals(Float.toString(Float.parseFloat(cell)), cell, "f32 values are written as the shortest float decimal");
    }

    /** --precision f32 writes each float as its shortest decimal, and it reads back as that very float. */
    @Test
    void f32ValuesAreTheShortestDecimalsOfTheSolversFloats() throws IOException {
        CliRun run = odec("solve", oscillator.toString(), "--batch", "2", "--param", "w=1.3", "--t1", "2", "--eval", "9",
                "--precision", "f32");
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        var model = Frontend.checkFile(oscillator).model().orElseThrow();
        CompiledSystem system = new CompiledSystem(model, "Oscillator");
        Batch batch = new Batch(system.layout(), 2).span(0, 2).param("w", 1.3).evalTimesEvenlySpaced(9);
        Solution expected = Solver.cpu().solve(system, batch, SolverOptions.defaults().withPrecision(Precision.F32));
        List<String> lines = run.out().lines().toList();
        assertEquals(1 + 2 * 9, lines.size());
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            int i = (r - 1) / 9, k = (r - 1) % 9;
            assertEquals(Float.toString((float) expected.evalTime(i, k)), cells[1]);
            for (int j = 0; j < 2; j++) {
                float value = (float) expected.value(i, k, j);
                assertEquals(value, expected.value(i, k, j), 0.0, "the solver's f32 values are floats");
                assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(Float.parseFloat(cells[2 + j])), lines.get(r));
                assertEquals(Float.toString(value), cells[2 + j]);
            }
        }
        assertTrue(lines.get(3).startsWith("0,0.5,"), "t = 0.5 exactly: " + lines.get(3));
    }

    @Test
    void y0CsvGivesEveryInstanceItsOwnStatesParametersSpanAndTolerances() throws IOException {
        Path csv = Files.writeString(dir.resolve("starts.csv"), """
                x,v,w,t0,t1,atol,rtol
                1,0,2,0,1,1e-12,1e-9
                0,1,1,0.5,2,1e-12,1e-9
                2,-1,3,-1,0,1e-12,1e-9
                """);
        Path out = dir.resolve("values.csv");
        CliRun run = odec("solve", oscillator.toString(), "--y0", csv.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        assertEquals("", run.out(), "with --out nothing goes to stdout");
        List<double[]> rows = rows(Files.readString(out), "instance,t,x,v");
        double[][] given = {{1, 0, 2, 0, 1}, {0, 1, 1, 0.5, 2}, {2, -1, 3, -1, 0}};
        for (int i = 0; i < 3; i++) {
            double x0 = given[i][0], v0 = given[i][1], w = given[i][2], s = given[i][4] - given[i][3];
            double[] row = rows.get(i);
            assertEquals(given[i][4], row[1]);
            assertEquals(x0 * Math.cos(w * s) + v0 / w * Math.sin(w * s), row[2], TIGHT_ERROR, "instance " + i);
            assertEquals(-x0 * w * Math.sin(w * s) + v0 * Math.cos(w * s), row[3], TIGHT_ERROR, "instance " + i);
        }
    }

    @Test
    void malformedCsvNamesItsLineExitsOneAndLeavesTheOldOutput() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "x,v\n1,0\n2,zero\n3\n");
        Path out = Files.writeString(dir.resolve("values.csv"), "old content\n");
        CliRun run = odec("solve", oscillator.toString(), "--y0", csv.toString(), "--out", out.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("bad.csv:3: column 'v': 'zero' is not a number"), run.err());
        assertTrue(run.err().contains("bad.csv:4: 1 cells, but the header has 2 columns"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertEquals("old content\n", Files.readString(out));
        assertEquals(List.of("bad.csv", "decay.ode", "oscillator.ode", "values.csv"), files(), "no temporary left");
    }

    @Test
    void unknownColumnListsTheAllowedOnes() throws IOException {
        Path csv = Files.writeString(dir.resolve("cols.csv"), "x,speed\n1,0\n");
        CliRun run = odec("solve", oscillator.toString(), "--y0", csv.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: cols.csv: unknown column 'speed'; system 'Oscillator' allows: x, v, w, t0, t1, atol, rtol\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void aSolveThatCannotStartWritesNothing() {
        Path out = dir.resolve("never.csv");
        Path stats = dir.resolve("never-stats.csv");
        // FIXED needs its step: the solver's own validation refuses before anything runs.
        CliRun run = odec("solve", oscillator.toString(), "--batch", "2", "--method", "rk4", "--controller", "fixed",
                "--out", out.toString(), "--stats", stats.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: --dt0 must be > 0 with the FIXED controller (it is the step), got 0.0\n", run.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(stats));
    }

    @Test
    void aMissingOutputFolderIsReportedBeforeSolvingAndNothingIsWritten() throws IOException {
        Path stats = dir.resolve("stats.csv");
        Path out = dir.resolve("no-such-folder").resolve("values.csv");
        CliRun run = odec("solve", decay.toString(), "--batch", "1", "--stats", stats.toString(), "--out", out.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: cannot write " + out + ": no folder " + out.getParent() + "\n", run.err());
        assertFalse(Files.exists(stats));

        Path empty = Files.writeString(dir.resolve("empty.csv"), "y,z\n");
        CliRun noRows = odec("solve", decay.toString(), "--y0", empty.toString());
        assertEquals(ExitCode.USER_ERROR, noRows.exitCode());
        assertEquals("odec: " + empty + " has a header but no rows; one row per instance\n", noRows.err());
    }

    @Test
    void userMistakesExitOneWithAMessage() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.ode"), "system S {\n    state y = 1;\n    y' = -q * y;\n}\n");
        Map<String, String[]> cases = Map.of(
                "broken.ode:3:11: error: unknown identifier 'q'", args("solve", broken.toString(), "--batch", "1"),
                "--precision must be one of f64, f32, not 'f16'", args("solve", decay.toString(), "--batch", "1", "--precision", "f16"),
                "--controller must be one of integral, pi, pid, fixed, not 'smooth'",
                args("solve", decay.toString(), "--batch", "1", "--controller", "smooth"),
                "--batch must be at least 1, not 0", args("solve", decay.toString(), "--batch", "0"),
                "--eval must be at least 2 (t0 and t1), not 1", args("solve", decay.toString(), "--batch", "1", "--eval", "1"),
                "rtol", args("solve", decay.toString(), "--batch", "1", "--rtol", "-1"),
                "unknown method 'dopri9'", args("solve", decay.toString(), "--batch", "1", "--method", "dopri9"),
                "method 'rk4' has no embedded error estimate, so it cannot adapt its step",
                args("solve", decay.toString(), "--batch", "1", "--method", "rk4"),
                "cannot read missing.ode: no such file", args("solve", "missing.ode", "--batch", "1"),
                "unknown parameter 'c'; system 'Decay' has: k", args("solve", decay.toString(), "--batch", "1", "--param", "c=1"));
        cases.forEach((message, args) -> {
            CliRun run = odec(args);
            assertEquals(ExitCode.USER_ERROR, run.exitCode(), String.join(" ", args) + "\n" + run.transcript());
            assertTrue(run.err().contains(message), "expected '" + message + "' in\n" + run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace:\n" + run.err());
            assertEquals("", run.out());
        });
    }

    /** A --method that is not even a name is the user's mistake, reported like any option's; an unknown one above. */
    @Test
    void aMethodThatIsNoNameExitsOneNamingTheOption() {
        for (String command : List.of("solve", "bench")) {
            CliRun run = odec(command, decay.toString(), "--batch", "1", "--method", "rk 4");
            assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
            assertEquals("odec: --method must be a tableau name (letters, digits and _, not starting with a digit), got 'rk 4'\n",
                    run.err(), command);
        }
    }

    @Test
    void usageMistakesExitTwo() {
        for (String[] args : List.of(args("solve", decay.toString()), // neither --batch nor --y0
                args("solve", decay.toString(), "--batch", "1", "--y0", "a.csv"), // both
                args("solve", decay.toString(), "--batch", "1", "--t1", "soon"),
                args("solve", "--batch", "1"),
                args("solve", decay.toString(), "--batch", "1", "--frobnicate"))) {
            CliRun run = odec(args);
            assertEquals(ExitCode.USAGE, run.exitCode(), String.join(" ", args) + "\n" + run.transcript());
            assertTrue(run.err().contains("Usage: odec solve"), run.err());
        }
    }

    @Test
    void aBlowUpAmongFineInstancesExitsThreeAndStatsNameIt() throws IOException {
        Path blowUp = Files.writeString(dir.resolve("blowup.ode"), BLOW_UP);
        Path csv = Files.writeString(dir.resolve("starts.csv"), "y\n0.1\n1\n-1\n");
        Path stats = dir.resolve("stats.csv");
        Path out = dir.resolve("values.csv");
        CliRun run = odec(concat(args("solve", blowUp.toString(), "--y0", csv.toString(), "--t1", "2", "--out",
                out.toString(), "--stats", stats.toString()), TIGHT));
        assertEquals(ExitCode.FAILED_INSTANCES, run.exitCode(), run.transcript());
        Map<Integer, String> status = Files.readAllLines(stats).stream().skip(1).map(l -> l.split(","))
                .collect(Collectors.toMap(c -> Integer.parseInt(c[0]), c -> c[1]));
        assertEquals("SUCCESS", status.get(0));
        assertEquals("SUCCESS", status.get(2));
        assertFalse(status.get(1).equals("SUCCESS"), "y0 = 1 blows up at t = 1: " + status.get(1));
        assertTrue(run.err().startsWith("3 instances: 2 succeeded, 1 failed (1 " + status.get(1) + ")"), run.err());
        // The fine ones are still right: y = y0 / (1 - y0 t).
        List<double[]> rows = rows(Files.readString(out), "instance,t,y");
        assertEquals(0.1 / (1 - 0.2), rows.get(0)[2], TIGHT_ERROR);
        assertEquals(-1 / (1 + 2.0), rows.get(2)[2], TIGHT_ERROR);
    }

    @Test
    void valuesReadBackExactly() throws IOException {
        Path out = dir.resolve("values.csv");
        CliRun run = odec("solve", oscillator.toString(), "--batch", "3", "--param", "w=1.7", "--t1", "2.3",
                "--eval", "7", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());

        // The same solve through the API; the solver is deterministic, so every bit must match.
        var model = Frontend.checkFile(oscillator).model().orElseThrow();
        CompiledSystem system = new CompiledSystem(model, "Oscillator");
        Batch batch = new Batch(system.layout(), 3).span(0, 2.3).param("w", 1.7).evalTimesEvenlySpaced(7);
        Solution expected = Solver.cpu().solve(system, batch, SolverOptions.defaults());

        List<String> lines = Files.readAllLines(out);
        assertEquals(1 + 3 * 7, lines.size());
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            int i = (r - 1) / 7, k = (r - 1) % 7;
            assertEquals(expected.evalTime(i, k), Double.parseDouble(cells[1]));
            for (int j = 0; j < 2; j++) {
                assertEquals(Double.doubleToRawLongBits(expected.value(i, k, j)),
                        Double.doubleToRawLongBits(Double.parseDouble(cells[2 + j])), "row " + r + " state " + j);
            }
        }
    }

    @Test
    void summaryCountsFailuresByStatus() throws IOException {
        Path blowUp = Files.writeString(dir.resolve("blowup.ode"), BLOW_UP);
        var model = Frontend.checkFile(blowUp).model().orElseThrow();
        CompiledSystem system = new CompiledSystem(model, "BlowUp");
        Batch batch = new Batch(system.layout(), 1).span(0, 2);
        Solution s = Solver.cpu().solve(system, batch, SolverOptions.defaults().withMaxSteps(5));
        assertEquals("1 instance: 0 succeeded, 1 failed (1 REACHED_MAX_STEPS); 5 steps in 1.250 s",
                SolveCommand.summary(s, 1.25));
    }

    private List<String> files() throws IOException {
        try (var listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every CPU path prints the very same CSV: same bits, so the same shortest decimal per value. */
    @Test
    void everyCpuPathPrintsTheSameValues() {
        String[] common = {"solve", oscillator.toString(), "--batch", "11", "--t1", "3", "--eval", "7", "--method", "tsit5"};
        CliRun raced = odec(common);
        for (String path : new String[] {"--simd", "--scalar"}) {
            CliRun run = odec(concat(common, new String[] {path}));
            assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
            assertEquals(raced.out(), run.out(), path);
            CliRun gpu = odec(concat(common, new String[] {path, "--backend", "cuda"}));
            assertEquals(ExitCode.USER_ERROR, gpu.exitCode(), gpu.transcript());
            assertTrue(gpu.err().contains(path + " is a CPU option"), gpu.err());
        }
        CliRun both = odec(concat(common, new String[] {"--simd", "--scalar"}));
        assertEquals(ExitCode.USER_ERROR, both.exitCode(), both.transcript());
        assertTrue(both.err().contains("--simd and --scalar each choose one CPU path"), both.err());
    }

    /** Robertson under dopri5 ends with its steps collapsed: the summary says it looks stiff; chaos stopped by --max-steps does not. */
    @Test
    void collapsedStepsSuggestAStiffMethod() {
        CliRun stiff = odec("solve", "../samples/robertson.ode", "--batch", "2", "--t1", "1e5");
        assertEquals(ExitCode.FAILED_INSTANCES, stiff.exitCode(), stiff.transcript());
        assertTrue(stiff.err().contains("2 instances stopped after their steps collapsed"), stiff.err());
        assertTrue(stiff.err().contains("--method rodas5p"), stiff.err());
        CliRun chaotic = odec("solve", "../samples/lorenz.ode", "--batch", "1", "--t1", "1e5", "--max-steps", "2000");
        assertEquals(ExitCode.FAILED_INSTANCES, chaotic.exitCode(), chaotic.transcript());
        assertTrue(chaotic.err().contains("REACHED_MAX_STEPS"), chaotic.err());
        assertFalse(chaotic.err().contains("collapsed"), chaotic.err());
    }
}
