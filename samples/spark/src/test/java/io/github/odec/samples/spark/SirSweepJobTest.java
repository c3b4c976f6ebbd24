package io.github.odec.samples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job at 400 instances on local[2]: its Parquet holds every instance, with peaks the closed form predicts. */
class SirSweepJobTest {

    @Test
    void theParquetPeaksMatchTheClosedFormWithinTheStepSize(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("SirSweepJobTest")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            String out = dir.resolve("sir.parquet").toString();
            SirSweepJob.sweep(spark, 400, 3).write().parquet(out);
            List<Row> rows = spark.read().parquet(out).orderBy("id").collectAsList();
            assertEquals(400, rows.size());
            int outbreaks = 0;
            for (Row row : rows) {
                double beta = row.getAs("beta");
                double gamma = row.getAs("gamma");
                double observed = row.getAs("peak_I");
                double hMax = row.getAs("h_max");
                String where = "beta " + beta + ", gamma " + gamma;
                assertEquals("SUCCESS", row.getAs("status"), where);
                assertEquals(SirSweepJob.DAYS, (double) row.getAs("t_stop"), 0.0, where);
                double analytic = analyticPeak(beta, gamma, 0.99, 0.01);
                // Step ends lie on the solution: they never exceed the true peak (beyond the solver's rtol 1e-8 error).
                assertTrue(observed <= analytic + 1e-7, where);
                if (analytic == 0.01) {
                    continue; // no outbreak
                }
                outbreaks++;
                // I'' = -beta gamma I^2 at the peak, and the step holding it has an end at most hMax/2 away;
                // twice the quadratic miss covers the cubic term of sharp peaks (as samples/SirSweepTest).
                double bound = 2 * 0.5 * beta * gamma * analytic * analytic * (hMax / 2) * (hMax / 2) + 1e-7;
                assertTrue(analytic - observed <= bound, where + ": missed by " + (analytic - observed));
                double tPeak = row.getAs("t_peak");
                assertTrue(tPeak > 0 && tPeak < SirSweepJob.DAYS, where + ": peak on day " + tPeak);
            }
            assertTrue(outbreaks > 350, "the grid is mostly above the threshold R0 = 1: " + outbreaks);
        } finally {
            spark.stop();
        }
    }

    /** The largest I from (s0, i0, 0): I + S - (gamma/beta) ln S is conserved, and I peaks at S = gamma/beta. */
    private static double analyticPeak(double beta, double gamma, double s0, double i0) {
        double threshold = gamma / beta;
        return s0 <= threshold ? i0 : i0 + s0 - threshold - threshold * Math.log(s0 / threshold);
    }
}
