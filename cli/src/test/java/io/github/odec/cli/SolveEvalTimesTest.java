package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.odec.runtime.cuda.Nvcc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --eval-times T,T,...} (shared) and {@code --eval-times-file} (per instance, counts may
 * differ): the rows hold exactly the asked times and the analytic solution there; mistakes are one
 * message naming the option.
 */
class SolveEvalTimesTest {

    /** dopri5 at rtol 1e-9, atol 1e-12 on this unit-scale decay: global error about 1e-9; 1e-7 leaves room. */
    private static final double TIGHT_ERROR = 1e-7;

    @TempDir
    Path dir;
    Path decay;

    @BeforeEach
    void sample() throws IOException {
        decay = DecaySample.writeTo(dir);
    }

    private CliRun solve(String... options) {
        String[] args = {"solve", decay.toString(), "--rtol", "1e-9", "--atol", "1e-12"};
        String[] all = Arrays.copyOf(args, args.length + options.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return odec(all);
    }

    /** instance, t, y per row. */
    private static List<double[]> rows(CliRun run) {
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        List<String> lines = run.out().lines().toList();
        assertEquals("instance,t,y", lines.getFirst());
        return lines.stream().skip(1).map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toList();
    }

    @Test
    void anExplicitListGivesExactlyThoseTimesInEveryInstance() {
        List<double[]> rows = rows(solve("--batch", "2", "--param", "k=1.5", "--eval-times", "0,0.5,2"));
        double[] times = {0, 0.5, 2};
        assertEquals(6, rows.size());
        for (int r = 0; r < 6; r++) {
            assertEquals(r / 3, (int) rows.get(r)[0]);
            assertEquals(times[r % 3], rows.get(r)[1], 0.0, "the times as given");
            assertEquals(Math.exp(-1.5 * times[r % 3]), rows.get(r)[2], TIGHT_ERROR);
        }
    }

    @Test
    void backwardsTheListRunsFromT0DownToT1() {
        List<double[]> rows = rows(solve("--batch", "1", "--t0", "2", "--t1", "0", "--eval-times", "2,1.25,0"));
        double[] times = {2, 1.25, 0};
        for (int k = 0; k < 3; k++) {
            assertEquals(times[k], rows.get(k)[1], 0.0);
            assertEquals(Math.exp(-0.5 * (times[k] - 2)), rows.get(k)[2], TIGHT_ERROR, "y(2) = 1");
        }
    }

    @Test
    void aBadListIsOneMessageNamingTheOption() {
        assertOneMessage("odec: --eval-times at index 2 is 2.0 after 3.0: not sorted in the direction of integration "
                + "(increasing) (in all 500 instances)\n", "--batch", "500", "--eval-times", "0,3,2");
        assertOneMessage("odec: --eval-times at index 1 is 11.0, outside the span [0.0, 10.0] (in all 500 instances)\n",
                "--batch", "500", "--eval-times", "0,11");
        assertOneMessage("odec: --eval-times at index 3 is 2.0 after 1.0: not sorted in the direction of integration "
                + "(decreasing)\n", "--batch", "1", "--t0", "3", "--t1", "0", "--eval-times", "3,2,1,2");
        assertOneMessage("odec: --eval-times at index 1 is NaN; it must be finite (in all 2 instances)\n",
                "--batch", "2", "--eval-times", "0,NaN");
        assertOneMessage("odec: --eval, --eval-times and --eval-times-file are alternatives; give one of them\n",
                "--batch", "2", "--eval", "3", "--eval-times", "0,1");
    }

    private void assertOneMessage(String expected, String... options) {
        CliRun run = solve(options);
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals(expected, run.err());
        assertEquals("", run.out());
    }

    /**
     * Long format, instances interleaved, a repeated time, different counts: each instance gets its
     * own points in order. The same with --simd, bit for bit.
     */
    @Test
    void aFileGivesEachInstanceItsOwnTimesAndCounts() throws IOException {
        Path starts = Files.writeString(dir.resolve("starts.csv"), "k\n0.5\n1\n2\n");
        Path times = Files.writeString(dir.resolve("times.csv"), "instance,t\n0,0\n1,0.25\n0,1\n2,1\n2,1\n0,2.5\n2,3\n");
        Path stats = dir.resolve("stats.csv");
        CliRun run = solve("--y0", starts.toString(), "--eval-times-file", times.toString(), "--stats", stats.toString());
        List<double[]> rows = rows(run);
        double[][] expectedTimes = {{0, 1, 2.5}, {0.25}, {1, 1, 3}};
        double[] k = {0.5, 1, 2};
        int r = 0;
        for (int i = 0; i < 3; i++) {
            for (double t : expectedTimes[i]) {
                double[] row = rows.get(r++);
                assertEquals(i, (int) row[0]);
                assertEquals(t, row[1], 0.0);
                assertEquals(Math.exp(-k[i] * t), row[2], TIGHT_ERROR, "instance " + i + " t " + t);
            }
        }
        assertEquals(7, rows.size(), "3 + 1 + 3 rows: no padding shows");
        List<String> initialized = Files.readAllLines(stats).stream().skip(1).map(l -> l.split(",")[5]).toList();
        assertEquals(List.of("3", "1", "3"), initialized);

        CliRun simd = solve("--y0", starts.toString(), "--eval-times-file", times.toString(), "--simd");
        assertEquals(run.out(), simd.out(), simd.transcript());

        // Instance independence: instance 1's row (padded to three points in the buffers) is bit for bit
        // what it gives solved alone with its one time.
        CliRun alone = solve("--batch", "1", "--param", "k=1", "--eval-times", "0.25");
        assertEquals(alone.out().lines().skip(1).findFirst().orElseThrow().substring(1),
                run.out().lines().filter(l -> l.startsWith("1,")).findFirst().orElseThrow().substring(1));
    }

    /** The padded rows reach the CUDA source as they reach the Java solver: the exact kernel, built for the host, agrees. */
    @Test
    void perInstanceCountsOnCudaHostMatchTheCpu() throws IOException {
        if (Nvcc.find().isEmpty()) {
            if ("1".equals(System.getenv("ODEC_REQUIRE_NVCC"))) {
                fail("ODEC_REQUIRE_NVCC=1 but nvcc was not found");
            }
            assumeTrue(false, "nvcc not found: cuda-host skipped");
        }
        Path starts = Files.writeString(dir.resolve("starts.csv"), "k\n0.5\n1\n2\n");
        Path times = Files.writeString(dir.resolve("times.csv"), "instance,t\n0,0\n0,1\n0,2.5\n1,0.25\n2,1\n2,3\n");
        String[] common = {"--y0", starts.toString(), "--eval-times-file", times.toString(), "--backend"};
        List<double[]> cpu = rows(solve(concat(common, "cpu")));
        List<double[]> host = rows(solve(concat(common, "cuda-host")));
        assertEquals(6, host.size());
        for (int r = 0; r < cpu.size(); r++) {
            assertEquals(cpu.get(r)[0], host.get(r)[0]);
            assertEquals(cpu.get(r)[1], host.get(r)[1]);
            // Both avoid FMA; glibc's pow may differ from Java's by an ulp in the controller (CudaHostAgreementCliTest).
            assertEquals(cpu.get(r)[2], host.get(r)[2], 1e-11, "row " + r);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void fileMistakesNameTheLine() throws IOException {
        assertFileRejected("instance,t\n0,0\n1,x\n1,0.5\n", "odec: times.csv:3: column 't': 'x' is not a number\n");
        assertFileRejected("instance,t\n0,0\n1.5,1\n0,NA\n,2\n5,1\n",
                "odec: times.csv:3: instance 1.5 is not one of the batch's instances (0 to 1)\n"
                        + "times.csv:4: column 't' is empty; an evaluation time must be a finite number\n"
                        + "times.csv:5: column 'instance' is empty; it must be one of the batch's instances (0 to 1)\n"
                        + "times.csv:6: instance 5 is not one of the batch's instances (0 to 1)\n");
        assertFileRejected("instance,time\n0,0\n", "odec: times.csv: the header must be instance,t (one row per "
                + "evaluation point), not instance,time\n");
        assertFileRejected("instance,t\n0,0\n", "odec: times.csv: no times for instance 1; every instance of the batch "
                + "(0 to 1) needs at least one row\n");
        assertFileRejected("instance,t\n0,0\n1,2\n1,1\n", "odec: --eval-times-file times.csv of instance 1 at index 1 "
                + "is 1.0 after 2.0: not sorted in the direction of integration (increasing)\n");
    }

    private void assertFileRejected(String content, String expected) throws IOException {
        Path times = Files.writeString(dir.resolve("times.csv"), content);
        CliRun run = solve("--batch", "2", "--eval-times-file", times.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals(expected, run.err());
    }

    @Test
    void thePlotDrawsTheListedTimes() throws IOException {
        Path plot = dir.resolve("decay.svg");
        CliRun run = solve("--batch", "2", "--eval-times", "0,1,4,10", "--plot", plot.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        String svg = Files.readString(plot);
        assertTrue(svg.contains("<svg") && svg.contains("instance 1"), "an SVG of both instances was written");
    }
}
