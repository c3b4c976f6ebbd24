package io.github.odec.cli.results;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.odec.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * numpy and pandas read the .npy files back exactly as the CSV: scripts/check_formats.py, run where
 * /usr/bin/python3 has numpy and pandas (CI installs them: .ci/run), skipped otherwise. A corrupted
 * copy must fail the script, so a script that passes anything cannot pass here.
 */
class PythonFormatsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("..", "scripts", "check_formats.py").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** CI sets it (.ci/run installs the packages), so that these tests cannot skip there unseen. */
    private static final boolean REQUIRED = "1".equals(System.getenv("ODEC_REQUIRE_PYTHON"));

    @BeforeAll
    static void pythonWithNumpyAndPandas() throws Exception {
        needs(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        needs(run(List.of(PYTHON.toString(), "-c", "import numpy, pandas")).exit() == 0,
                "/usr/bin/python3 has no numpy or pandas (apt-get install python3-numpy python3-pandas)");
    }

    private static void needs(boolean present, String missing) {
        if (REQUIRED) {
            assertTrue(present, missing + ", and ODEC_REQUIRE_PYTHON=1");
        }
        assumeTrue(present, missing);
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f64", "f32"})
    void numpyAndPandasReadWhatWasWritten(String precision) throws Exception {
        Path ode = Files.writeString(dir.resolve("lorenz.ode"), """
                system Lorenz {
                    state x = 1.0, y = 1.0, z = 1.0;
                    param sigma = 10.0, rho = 28.0, beta = 2.6666666666666665;
                    x' = sigma * (y - x);
                    y' = x * (rho - z) - y;
                    z' = x * y - beta * z;
                }
                """);
        for (String format : List.of("csv", "npy")) {
            List<String> args = new ArrayList<>(List.of("solve", ode.toString(), "--batch", "9", "--t1", "2", "--eval", "13",
                    "--precision", precision, "--max-steps", "40", "--chunk", format.equals("csv") ? "9" : "4",
                    "--out", dir.resolve("v." + format).toString(), "--stats", dir.resolve("s." + format).toString()));
            CliRun solved = odec(args.toArray(String[]::new));
            assertTrue(solved.exitCode() == 0 || solved.exitCode() == 3, solved.transcript());
        }
        Result ok = run(List.of(PYTHON.toString(), SCRIPT.toString(), dir.resolve("v.csv").toString(),
                dir.resolve("v.npy").toString(), precision, dir.resolve("s.csv").toString(), dir.resolve("s.npy").toString()));
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("2 file(s) match"), ok.output());

        byte[] bytes = Files.readAllBytes(dir.resolve("v.npy"));
        bytes[bytes.length - 1] ^= 1; // the last state's last bit
        Path corrupted = Files.write(dir.resolve("corrupted.npy"), bytes);
        Result bad = run(List.of(PYTHON.toString(), SCRIPT.toString(), dir.resolve("v.csv").toString(),
                corrupted.toString(), precision));
        assertEquals(1, bad.exit(), bad.output());
        assertTrue(bad.output().contains("column z differs"), bad.output());
    }
}
