package io.github.odec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.Statistics;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.spi.SolverFactory;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spark's results are the plain CPU backend's, bit for bit, row by row, whatever the partitioning:
 * each instance is solved on its own, so neither its chunk nor its partition can change it.
 */
class SparkSolverTest {

    private static final SolverOptions OPTIONS = SolverOptions.defaults().withMethod(Method.TSIT5)
            .withMaxSteps(VanDerPolRows.MAX_STEPS);
    private static final int POINTS = 11;
    private static final double T0 = 0.0;
    private static final double SHARED_T1 = 10.0;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkSolverTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> instances(int partitions) {
        Dataset<Row> rows = spark.createDataFrame(VanDerPolRows.rows(), VanDerPolRows.SCHEMA).repartition(partitions);
        assertEquals(partitions, rows.rdd().getNumPartitions());
        return rows;
    }

    private static SparkSolver dense(SparkSolver solver) {
        return solver.withOptions(OPTIONS).withSpan(T0, SHARED_T1).withEvalTimesEvenlySpaced(POINTS).keeping("id", "mu")
                .withChunk(8); // several chunks per partition, so chunking is exercised too
    }

    /** The same instances as one batch on the plain CPU backend. */
    private static Solution reference(boolean dense) {
        SolverFactory vdp = VanDerPolRows.factory();
        Batch batch = new Batch(vdp.layout(), VanDerPolRows.COUNT).span(T0, SHARED_T1);
        for (int i = 0; i < VanDerPolRows.COUNT; i++) {
            batch.state("x", i, VanDerPolRows.x(i)).state("y", i, VanDerPolRows.y(i))
                    .t1(i, VanDerPolRows.t1(i)).rtol(i, VanDerPolRows.rtol(i));
            if (i != VanDerPolRows.NULL_MU) {
                batch.param("mu", i, VanDerPolRows.mu(i));
            }
        }
        if (dense) {
            batch.evalTimesEvenlySpaced(POINTS);
        }
        return Solver.cpu().solve(vdp, batch, OPTIONS);
    }

    private static List<Row> byId(Dataset<Row> results) {
        return results.collectAsList().stream().sorted(Comparator.comparingInt(r -> r.getInt(0))).toList();
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 7})
    void eachRowIsThePlainCpuBackendsResult(int partitions) {
        SparkSolver solver = dense(SparkSolver.fromOde("vdp.ode", VanDerPolRows.SOURCE, "VanDerPol"));
        List<Row> rows = byId(solver.solve(instances(partitions)));
        Solution expected = reference(true);
        assertEquals(VanDerPolRows.COUNT, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).getInt(0));
            // mu is kept and still an input: the reference solves with it
            assertEquals(i == VanDerPolRows.NULL_MU ? null : VanDerPolRows.mu(i), rows.get(i).getAs("mu"));
            assertSameResult(expected, i, rows.get(i), true);
        }
    }

    @Test
    void aFailingInstanceKeepsItsStatusInItsRow() {
        SparkSolver solver = dense(SparkSolver.fromOde("vdp.ode", VanDerPolRows.SOURCE, "VanDerPol"));
        List<Row> rows = byId(solver.solve(instances(3)));
        for (Row row : rows) {
            Status expected = row.getInt(0) == VanDerPolRows.FAILING ? Status.REACHED_MAX_STEPS : Status.SUCCESS;
            assertEquals(expected.name(), row.getAs("status"), "instance " + row.getInt(0));
        }
        Row failing = rows.get(VanDerPolRows.FAILING);
        assertEquals(VanDerPolRows.MAX_STEPS, (int) failing.getAs("n_steps"));
        double tStop = failing.getAs("t_stop");
        assertTrue(tStop > T0 && tStop < VanDerPolRows.t1(VanDerPolRows.FAILING), "stopped inside its span: " + tStop);
        List<Double> x = failing.<Row>getAs("values").getList(0);
        assertTrue(Double.isNaN(x.getLast()), "the unreached last point reads NaN");
    }

    @Test
    void generatedBindingsGiveTheSameRowsAsOdeText() {
        SparkSolver solver = dense(SparkSolver.fromBindings(VanDerPolRows::factory));
        List<Row> rows = byId(solver.solve(instances(2)));
        Solution expected = reference(true);
        for (int i = 0; i < rows.size(); i++) {
            assertSameResult(expected, i, rows.get(i), true);
        }
    }

    @Test
    void withoutEvaluationTimesRowsCarryTheFinalStateOnly() {
        SparkSolver solver = SparkSolver.fromOde("vdp.ode", VanDerPolRows.SOURCE, "VanDerPol").withOptions(OPTIONS)
                .withSpan(T0, SHARED_T1).keeping("id");
        Dataset<Row> results = solver.solve(instances(2));
        assertFalse(List.of(results.schema().fieldNames()).contains("values"));
        List<Row> rows = byId(results);
        Solution expected = reference(false);
        for (int i = 0; i < rows.size(); i++) {
            assertSameResult(expected, i, rows.get(i), false);
        }
    }

    @Test
    void anUnknownColumnIsRefusedOnTheDriverNamingTheAllowedOnes() {
        Dataset<Row> misspelt = instances(1).withColumnRenamed("mu", "mue");
        SparkSolver solver = SparkSolver.fromOde("vdp.ode", VanDerPolRows.SOURCE, "VanDerPol").withSpan(0, 1)
                .keeping("id");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.solve(misspelt));
        assertEquals("unknown column 'mue'; system 'VanDerPol' takes: x, y, mu, t0, t1, atol, rtol"
                + " (keep other columns with keeping(...))", e.getMessage());
    }

    @Test
    void observesAreColumnsNamedAfterThem() {
        SparkSolver solver = SparkSolver.fromOde("vdp.ode", VanDerPolRows.SOURCE, "VanDerPol").withSpan(0, 1)
                .keeping("id");
        List<String> names = List.of(solver.resultSchema(instances(1).schema()).fieldNames());
        assertEquals(List.of("xMax", "tMax", "energy"), names.subList(names.indexOf("final") + 1, names.indexOf("final") + 4));
        Dataset<Row> clash = instances(1).withColumnRenamed("id", "energy");
        SparkSolver keepsClash = SparkSolver.fromOde("vdp.ode", VanDerPolRows.SOURCE, "VanDerPol").withSpan(0, 1)
                .keeping("energy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> keepsClash.solve(clash));
        assertEquals("kept column 'energy' has the name of an observe of system 'VanDerPol': rename it before solving",
                e.getMessage());
    }

    @Test
    void rowsWithoutASpanAreRefusedOnTheDriver() {
        Dataset<Row> noSpan = instances(1).drop("t1");
        SparkSolver solver = SparkSolver.fromOde("vdp.ode", VanDerPolRows.SOURCE, "VanDerPol").keeping("id");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.solve(noSpan));
        assertEquals("the instances have no span: give columns t0 and t1, or withSpan(t0, t1)", e.getMessage());
    }

    private static void assertSameResult(Solution expected, int i, Row row, boolean dense) {
        String at = "instance " + i;
        assertEquals(expected.status(i).name(), row.getAs("status"), at);
        assertArrayEquals(bits(expected.finalState(i)), bits(doubles(row.<Row>getAs("final"))), at);
        if (dense) {
            int points = expected.evalCount(i);
            double[] t = new double[points];
            for (int k = 0; k < points; k++) {
                t[k] = expected.evalTime(i, k);
            }
            assertArrayEquals(bits(t), bits(row.<Double>getList(row.fieldIndex("t"))), at);
            Row values = row.getAs("values");
            for (int j = 0; j < expected.layout().stateCount(); j++) {
                double[] component = new double[points];
                for (int k = 0; k < points; k++) {
                    component[k] = expected.value(i, k, j);
                }
                assertArrayEquals(bits(component), bits(values.<Double>getList(j)), at + ", component " + j);
            }
            assertEquals(VanDerPolRows.t1(i), t[points - 1], at); // the row's own t1 column, not the shared span
        }
        for (String observe : expected.layout().observeNames()) {
            assertEquals(Double.doubleToRawLongBits(expected.observe(i, observe)),
                    Double.doubleToRawLongBits(row.getAs(observe)), at + ", observe " + observe);
        }
        Statistics s = expected.statistics(i);
        assertEquals(s.fEvals(), (int) row.getAs("n_f_evals"), at);
        assertEquals(s.steps(), (int) row.getAs("n_steps"), at);
        assertEquals(s.accepted(), (int) row.getAs("n_accepted"), at);
        assertEquals(s.initialized(), (int) row.getAs("n_initialized"), at);
        assertEquals(s.rejected(), (int) row.getAs("n_rejected"), at);
        assertArrayEquals(bits(new double[] {s.hLast(), s.hMin(), s.hMax(), s.tStop()}),
                bits(new double[] {row.getAs("h_last"), row.getAs("h_min"), row.getAs("h_max"), row.getAs("t_stop")}), at);
    }

    private static double[] doubles(Row struct) {
        double[] out = new double[struct.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = struct.getDouble(j);
        }
        return out;
    }

    private static long[] bits(List<Double> values) {
        return bits(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = Double.doubleToRawLongBits(values[j]);
        }
        return out;
    }
}
