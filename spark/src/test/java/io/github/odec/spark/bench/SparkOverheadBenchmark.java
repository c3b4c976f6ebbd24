package io.github.odec.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.diag.SourceFile;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.spark.SparkSolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark {@code local[2]} against the plain CPU backend on 2 threads, the same N SIR instances
 * (a beta x gamma sweep, final state and statistics, over 365 days): warm-up runs, then the median
 * of the timed ones. Spark's time covers generating the rows, solving and serializing the results
 * (written to Spark's {@code noop} sink); the plain time covers filling the batch and solving. A
 * harness, not a test: {@code java ... SparkOverheadBenchmark [instances] [warmups] [runs]}.
 */
public final class SparkOverheadBenchmark {

    private static final double DAYS = 365;
    private static final int GRID = 1000;

    private SparkOverheadBenchmark() {}

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String text = Files.readString(Path.of(args.length > 3 ? args[3] : "../samples/sir.ode"));
        CompiledSystem sir = new CompiledSystem(Frontend.check(new SourceFile("sir.ode", text)).model().orElseThrow(), "SIR");
        SolverOptions options = SolverOptions.defaults().withThreads(2);

        double[] plain = time(warmups, runs, () -> {
            Batch batch = new Batch(sir.layout(), n).span(0, DAYS).rtol(1e-6).atol(1e-9);
            for (int i = 0; i < n; i++) {
                batch.param("beta", i, beta(i)).param("gamma", i, gamma(i));
            }
            Solution s = Solver.cpu().solve(sir, batch, options);
            if (s.instances() != n) {
                throw new AssertionError();
            }
        });

        SparkSession spark = SparkSession.builder().master("local[2]").appName("SparkOverheadBenchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        SparkSolver solver = SparkSolver.fromOde("sir.ode", text, "SIR").withOptions(options)
                .withSpan(0, DAYS).withTolerances(1e-9, 1e-6).keeping("id");
        // The same (beta, gamma) as beta(i), gamma(i) below, computed by Spark from the row index.
        Dataset<Row> instances = spark.range(0, n, 1, 2).select(col("id"),
                lit(0.15).plus(lit(0.85 / (GRID - 1)).multiply(col("id").divide(GRID).cast("long"))).as("beta"),
                lit(0.05).plus(lit(0.10 / (GRID - 1)).multiply(col("id").mod(GRID))).as("gamma"));
        double[] onSpark = time(warmups, runs, () ->
                solver.solve(instances).write().format("noop").mode("overwrite").save());
        spark.stop();

        double p = median(plain);
        double s = median(onSpark);
        System.out.printf("instances %d, warm-ups %d, runs %d%n", n, warmups, runs);
        System.out.printf("plain cpu (2 threads): median %.3f s  %s%n", p, Arrays.toString(plain));
        System.out.printf("spark local[2]:        median %.3f s  %s%n", s, Arrays.toString(onSpark));
        System.out.printf("spark / plain: %.2fx%n", s / p);
    }

    static double beta(long i) {
        return 0.15 + 0.85 / (GRID - 1) * (i / GRID);
    }

    static double gamma(long i) {
        return 0.05 + 0.10 / (GRID - 1) * (i % GRID);
    }

    private static double[] time(int warmups, int runs, Runnable run) {
        for (int w = 0; w < warmups; w++) {
            run.run();
        }
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            run.run();
            seconds[r] = Math.round((System.nanoTime() - start) / 1e6) / 1e3;
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
