package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** odec bench on a tiny case: what it prints, never how fast (timing belongs in the benchmark, not in tests). */
class BenchCommandTest {

    @Test
    void printsTheColumnsARowPerSolverAndTheRatios() {
        CliRun run = odec("bench", "../samples/vanderpol.ode", "--batch", "4", "--t1", "1", "--eval", "5", "--atol", "1e-6",
                "--rtol", "1e-6", "--precision", "f64,f32", "--threads", "2", "--runs", "2", "--warmup", "1",
                "--compare", "hipparchus");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("odec bench: system VanDerPol, 4 instances, 5 evaluation times, dopri5"),
                lines.getFirst());
        assertTrue(lines.get(1).startsWith("machine: "), lines.get(1));
        String header = lines.stream().filter(l -> l.startsWith("solver")).findFirst().orElseThrow();
        assertEquals(List.of("solver", "threads", "median_ms", "min_ms", "max_ms", "steps_mean", "steps_max", "accept_mean",
                "accept_max", "f_evals", "loop_ns", "ns/inst-step", "max_error"), Arrays.asList(header.split("\\s+")));
        // The tests' JVM has the Vector API, so the default race is timed beside the scalar loop.
        for (String solver : List.of("odec dopri5 f64 ", "odec dopri5 f32 ", "odec dopri5 f64 raced", "odec dopri5 f32 raced",
                "hipparchus DP54 sequential", "hipparchus DP54 parallel")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(solver)), solver + " missing in\n" + run.out());
        }
        // f64 at 1e-6 over t in [0, 1]: every solver lands within 1e-4 of the DP853 reference (the errors column).
        lines.stream().filter(l -> l.startsWith("odec ") || l.startsWith("hipparchus ")).forEach(l -> {
            String[] cells = l.split("\\s{2,}|\\s+(?=\\S+$)");
            double error = Double.parseDouble(cells[cells.length - 1].strip());
            assertTrue(error < 1e-4, l);
        });
        // sequential and parallel Hipparchus, each against 2 precisions x (scalar, raced) on its thread count
        assertEquals(8, lines.stream().filter(l -> l.startsWith("ratio hipparchus DP54")).count(), run.out());
    }

    @Test
    void fixedStepsSayWhyThereIsNoHipparchusComparison() {
        CliRun run = odec("bench", "../samples/lorenz.ode", "--batch", "2", "--t1", "0.1", "--method", "rk4", "--controller", "fixed",
                "--dt0", "0.01", "--threads", "1", "--runs", "1", "--warmup", "0", "--compare", "hipparchus");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("odec rk4 f64"), run.out());
        assertTrue(run.out().contains("no Hipparchus comparison"), run.out());
    }

    @Test
    void anUnknownComparisonIsAUserError() {
        CliRun run = odec("bench", "../samples/vanderpol.ode", "--batch", "2", "--compare", "scipy");
        assertEquals(ExitCode.USER_ERROR, run.exitCode());
        assertEquals("odec: --compare knows only 'hipparchus', not 'scipy'\n", run.err());
    }
}
