package io.github.odec.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.cli.results.CsvTableWriter;
import io.github.odec.cli.results.StatisticsRows;
import io.github.odec.cli.results.Table;
import io.github.odec.cli.results.ValueRows;
import io.github.odec.runtime.Backend;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV results, as `odec solve` writes them chunk by chunk: golden files, bits read back, ragged points. */
class CsvResultsTest {

    private static void writeValues(Solution solution, Writer writer) throws IOException {
        Table table = ValueRows.table(solution.layout(), solution.precision(), solution.instances());
        new CsvTableWriter(table, writer).write(new ValueRows(solution, 0));
    }

    private static void writeStatistics(Solution solution, Writer writer) throws IOException {
        Table table = StatisticsRows.table(solution.precision(), solution.instances());
        new CsvTableWriter(table, writer).write(new StatisticsRows(solution, 0));
    }

    private static void writeValues(Solution solution, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            writeValues(solution, writer);
        }
    }

    private static void writeStatistics(Solution solution, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            writeStatistics(solution, writer);
        }
    }


    /**
     * Two instances, two evaluation points: instance 0 succeeded; instance 1 stopped with
     * REACHED_DT_MIN at t = 0.25 before its second point, which therefore reads NaN.
     */
    private static Solution twoInstances() {
        return solution(twoInstancesBuffers(), batch(2).evalTimes(0.0, 1.0), Precision.F64);
    }

    /** A batch of the decay system that validates; a {@link #solution} overwrites its evaluation times. */
    private static Batch batch(int n) {
        return new Batch(ExactDecay.LAYOUT, n).state("u[1]", 0).param("k", 1).span(0, 1);
    }

    /**
     * The solution of {@code batch} as a backend that wrote {@code written}'s outputs and evaluation
     * times (any bits, NaN included) would give it: solutions come only from a solver.
     */
    private static Solution solution(SolveBuffers written, Batch batch, Precision precision) {
        Backend copying = (solver, buffers, options) -> {
            copy(written, buffers, Slot.EVAL_TIMES);
            for (Slot slot : Slot.values()) {
                if (slot.output()) {
                    copy(written, buffers, slot);
                }
            }
        };
        return new Solver(copying).solve(new ExactDecay(), batch, SolverOptions.defaults().withPrecision(precision));
    }

    /** Per instance, the first elements of a slot's block that both batches have (the descriptor gives the widths). */
    private static void copy(SolveBuffers from, SolveBuffers to, Slot slot) {
        int wFrom = slot.width(from);
        int wTo = slot.width(to);
        for (int i = 0; i < from.instances; i++) {
            switch (slot.element()) {
                case REAL -> System.arraycopy(from.reals(slot), i * wFrom, to.reals(slot), i * wTo, Math.min(wFrom, wTo));
                case INT -> System.arraycopy(from.ints(slot), i * wFrom, to.ints(slot), i * wTo, Math.min(wFrom, wTo));
            }
        }
    }

    /** {@link #twoInstancesBuffers()} with the first {@code evalCount} of each instance's two points. */
    private static SolveBuffers twoInstancesBuffers(int evalCount) {
        SolveBuffers full = twoInstancesBuffers();
        SolveBuffers b = new SolveBuffers(2, 3, 2, evalCount, ControllerCoefficients.integral());
        for (int i = 0; i < 2; i++) {
            System.arraycopy(full.reals(Slot.EVAL_TIMES), i * 2, b.reals(Slot.EVAL_TIMES), i * evalCount, evalCount);
            System.arraycopy(full.reals(Slot.YS), i * 2 * 3, b.reals(Slot.YS), i * evalCount * 3, evalCount * 3);
        }
        for (Slot slot : Slot.values()) {
            if (slot.output() && slot != Slot.YS) {
                copy(full, b, slot);
            }
        }
        return b;
    }

    private static SolveBuffers twoInstancesBuffers() {
        SolveBuffers b = new SolveBuffers(2, 3, 2, 2, ControllerCoefficients.integral());
        double[] times = {0.5, 1.0, 0.0, 0.5};
        System.arraycopy(times, 0, b.reals(Slot.EVAL_TIMES), 0, 4);
        double[] ys = {0.5, 1.0, 1.5, 0.25, 0.5, 0.75, 1, 2, 3, Double.NaN, Double.NaN, Double.NaN};
        System.arraycopy(ys, 0, b.reals(Slot.YS), 0, ys.length);
        double[] yFinal = {0.25, 0.5, 0.75, 0.9, 1.8, 2.7};
        System.arraycopy(yFinal, 0, b.reals(Slot.Y_FINAL), 0, 6);
        b.reals(Slot.T_FINAL)[0] = 1.0;
        b.reals(Slot.T_FINAL)[1] = 0.25;
        b.ints(Slot.STATUS)[0] = Status.SUCCESS.code();
        b.ints(Slot.STATUS)[1] = Status.REACHED_DT_MIN.code();
        int[][] stats = {{61, 10, 9, 2}, {1201, 200, 120, 1}};
        for (int i = 0; i < 2; i++) {
            b.ints(Slot.F_EVALS)[i] = stats[i][0];
            b.ints(Slot.STEPS)[i] = stats[i][1];
            b.ints(Slot.ACCEPTED)[i] = stats[i][2];
            b.ints(Slot.INITIALIZED)[i] = stats[i][3];
        }
        b.ints(Slot.REJECTED)[1] = 80;
        double[][] steps = {{0.0625, 0.0625, 0.125}, {1e-9, 1e-9, 0.01}};
        for (int i = 0; i < 2; i++) {
            b.reals(Slot.H_LAST)[i] = steps[i][0];
            b.reals(Slot.H_MIN)[i] = steps[i][1];
            b.reals(Slot.H_MAX)[i] = steps[i][2];
        }
        return b;
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(CsvResultsTest.class.getResourceAsStream("/csv/" + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void valuesAndStatisticsMatchTheGoldenFiles(@TempDir Path dir) throws IOException {
        Solution s = twoInstances();
        writeValues(s, dir.resolve("out.csv"));
        writeStatistics(s, dir.resolve("stats.csv"));
        assertEquals(golden("values.csv"), Files.readString(dir.resolve("out.csv")));
        assertEquals(golden("statistics.csv"), Files.readString(dir.resolve("stats.csv")));
    }

    @Test
    void withoutEvaluationTimesOneRowPerInstanceHoldsTheFinalState() throws IOException {
        SolveBuffers b = new SolveBuffers(2, 3, 2, 0, ControllerCoefficients.integral());
        double[] yFinal = {1, 2, 3, 4, 5, 6};
        System.arraycopy(yFinal, 0, b.reals(Slot.Y_FINAL), 0, 6);
        b.reals(Slot.T_FINAL)[0] = 2.0;
        b.reals(Slot.T_FINAL)[1] = -1.5;
        StringWriter bytes = new StringWriter();
        writeValues(solution(b, batch(2), Precision.F64), bytes);
        assertEquals("instance,t,y,u[0],u[1]\n0,2.0,1.0,2.0,3.0\n1,-1.5,4.0,5.0,6.0\n",
                bytes.toString());
    }

    @Test
    void doublesReadBackBitForBit(@TempDir Path dir) throws IOException {
        int n = 500;
        SolveBuffers b = new SolveBuffers(n, 3, 2, 2, ControllerCoefficients.integral());
        double[] awkward = {0.1 + 0.2, -0.0, 0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
                Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 1 / 3.0, Math.PI, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 1e23, 9007199254740993.0, Math.ulp(1.0)};
        SplittableRandom random = new SplittableRandom(42);
        fill(b.reals(Slot.YS), awkward, random);
        fill(b.reals(Slot.EVAL_TIMES), awkward, random);
        fill(b.reals(Slot.T_FINAL), awkward, random);
        Path out = dir.resolve("out.csv");
        writeValues(solution(b, batch(n).evalTimes(0.0, 1.0), Precision.F64), out);

        InputTable back = InputTable.read(out);
        assertEquals(List.of("instance", "t", "y", "u[0]", "u[1]"), back.columns());
        assertEquals(n * 2, back.rowCount());
        for (int row = 0; row < back.rowCount(); row++) {
            assertEquals(row / 2, (int) back.value(row, 0));
            assertBits(b.reals(Slot.EVAL_TIMES)[row], back.value(row, 1), row);
            for (int j = 0; j < 3; j++) {
                assertBits(b.reals(Slot.YS)[row * 3 + j], back.value(row, 2 + j), row);
            }
        }
    }

    /** f32 results are floats widened to double; they are written as the shortest decimal of the float. */
    @Test
    void floatsAreWrittenAsTheirShortestDecimalsAndReadBackExactly(@TempDir Path dir) throws IOException {
        int n = 500;
        SolveBuffers b = new SolveBuffers(n, 3, 2, 2, ControllerCoefficients.integral());
        float[] awkward = {0.99f, 0.1f, 1 / 3f, -0.0f, Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 1e-30f,
                (float) Math.PI, Float.NaN, Float.POSITIVE_INFINITY, 16777217f, Math.ulp(1f)};
        SplittableRandom random = new SplittableRandom(7);
        for (double[] target : new double[][] {b.reals(Slot.YS), b.reals(Slot.EVAL_TIMES)}) {
            for (int i = 0; i < target.length; i++) {
                target[i] = i < awkward.length ? awkward[i] : Float.intBitsToFloat(random.nextInt());
            }
        }
        Path out = dir.resolve("out.csv");
        writeValues(solution(b, batch(n).evalTimes(0.0, 1.0), Precision.F32), out);

        List<String> lines = Files.readAllLines(out);
        assertEquals("0,0.99,0.99,0.1,0.33333334", lines.get(1), "not 0.9900000095367432");
        for (int row = 0; row < n * 2; row++) {
            String[] cells = lines.get(row + 1).split(",");
            for (int c = 1; c < cells.length; c++) {
                double written = c == 1 ? b.reals(Slot.EVAL_TIMES)[row] : b.reals(Slot.YS)[row * 3 + c - 2];
                float read = Float.parseFloat(cells[c]);
                assertEquals(Float.floatToIntBits((float) written), Float.floatToIntBits(read), lines.get(row + 1));
                assertEquals(Float.toString(read), cells[c], "the shortest decimal that reads back as the float");
            }
        }
    }

    /** Instances with different numbers of points get that many rows; one with none, its final state. */
    @Test
    void instancesWithFewerPointsHaveFewerRows() throws IOException {
        Solution s = solution(twoInstancesBuffers(1), batch(2).evalTimes(new double[][] {{0.0}, {}}), Precision.F64);
        StringWriter out = new StringWriter();
        writeValues(s, out);
        assertEquals("instance,t,y,u[0],u[1]\n0,0.5,0.5,1.0,1.5\n1,0.25,0.9,1.8,2.7\n", out.toString());
    }

    /** Awkward values first, then random bit patterns (any double, subnormals and NaN payloads included). */
    private static void fill(double[] target, double[] awkward, SplittableRandom random) {
        for (int i = 0; i < target.length; i++) {
            target[i] = i < awkward.length ? awkward[i] : Double.longBitsToDouble(random.nextLong());
        }
    }

    /** Bit-exact, except that every NaN reads back as the canonical NaN (CSV has one spelling). */
    private static void assertBits(double expected, double actual, int row) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> "row " + row + ": " + expected + " read back as " + actual);
    }
}
