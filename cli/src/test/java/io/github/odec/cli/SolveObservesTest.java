package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SIR sample's observes as --out columns named after them, one value per instance on each of its rows. */
class SolveObservesTest {

    @TempDir
    Path dir;

    @Test
    void theSirSamplesPeakIsAColumnOfOut() throws IOException {
        Path out = dir.resolve("sir.csv");
        CliRun run = odec("solve", "../samples/sir.ode", "--batch", "1", "--t1", "365", "--eval", "3", "--rtol", "1e-10",
                "--atol", "1e-12", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        List<String> lines = Files.readAllLines(out);
        assertEquals("instance,t,S,I,R,peakI,tPeak", lines.getFirst());
        assertEquals(4, lines.size());
        String[] first = lines.get(1).split(",");
        String[] last = lines.get(3).split(",");
        assertEquals(first[5], last[5]);
        assertEquals(first[6], last[6]);
        // Kermack-McKendrick with N = 1: I_max = S0 + I0 - (g/b)(1 + ln(S0 b / g)), g/b = 1/3; the step-end
        // maximum at rtol 1e-10 is within 1e-5 of it (ObserveTest bounds it by the step size).
        double rho = 0.1 / 0.3;
        assertEquals(1.0 - rho * (1 + Math.log(0.99 / rho)), Double.parseDouble(first[5]), 1e-5);
    }
}
