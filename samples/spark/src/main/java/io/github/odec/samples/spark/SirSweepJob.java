package io.github.odec.samples.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import io.github.odec.runtime.SolverOptions;
import io.github.odec.spark.SparkSolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark job: N SIR epidemics (sir.ode) over a square grid of beta in [0.15, 1] and gamma in
 * [0.05, 0.15] per day over a year, and per instance the peak infected fraction and its day, written
 * as Parquet (id, beta, gamma, peak_I, t_peak, status, the statistics). The peak comes from the solver
 * loop (sir.ode's {@code observe peakI = max(I)} and {@code tPeak = argmax(I)}), so no trajectory is stored.
 *
 * <pre>spark-submit --class io.github.odec.samples.spark.SirSweepJob odec-sir-sweep-job.jar 10000000 out.parquet</pre>
 */
public final class SirSweepJob {

    static final double DAYS = 365;

    private SirSweepJob() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SirSweepJob INSTANCES OUTPUT.parquet [PARTITIONS]");
            System.exit(2);
        }
        long n = Long.parseLong(args[0]);
        SparkSession spark = SparkSession.builder().appName("odec SIR sweep").getOrCreate();
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : spark.sparkContext().defaultParallelism();
        long start = System.nanoTime();
        sweep(spark, n, partitions).write().mode(SaveMode.Overwrite).parquet(args[1]);
        System.out.printf("%d SIR instances solved and written to %s in %.1f s%n", n, args[1],
                (System.nanoTime() - start) / 1e9);
        spark.stop();
    }

    /** The results of the sweep, lazily: one row per instance, in a grid of side ceil(sqrt(n)). */
    static Dataset<Row> sweep(SparkSession spark, long n, int partitions) throws IOException {
        long side = (long) Math.ceil(Math.sqrt(n));
        Dataset<Row> instances = spark.range(0, n, 1, partitions).select(col("id"),
                lit(0.15).plus(lit(0.85 / Math.max(1, side - 1)).multiply(floor(col("id").divide(side)))).as("beta"),
                lit(0.05).plus(lit(0.10 / Math.max(1, side - 1)).multiply(col("id").mod(side))).as("gamma"));
        SparkSolver solver = SparkSolver.fromOde("sir.ode", sirOde(), "SIR")
                .withOptions(SolverOptions.defaults())
                .withSpan(0, DAYS).withTolerances(1e-10, 1e-8)
                .keeping("id", "beta", "gamma");
        return solver.solve(instances).select(col("id"), col("beta"), col("gamma"),
                col("peakI").as("peak_I"), col("tPeak").as("t_peak"), col("status"), col("n_steps"), col("n_rejected"),
                col("h_min"), col("h_max"), col("t_stop"));
    }

    static String sirOde() throws IOException {
        try (InputStream in = SirSweepJob.class.getResourceAsStream("/sir.ode")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
