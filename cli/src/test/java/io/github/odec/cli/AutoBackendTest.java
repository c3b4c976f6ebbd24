package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.CudaGpu;
import io.github.odec.runtime.CudaUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --backend auto} says on stderr which backend it chose and why; stdout stays the values alone. */
class AutoBackendTest {

    @TempDir
    Path dir;

    private Path decay() throws IOException {
        return DecaySample.writeTo(dir);
    }

    @Test
    void autoNamesTheBackendItChoseOnStderrOnly() throws IOException {
        CliRun run = odec("solve", decay().toString(), "--batch", "2", "--t1", "2", "--backend", "auto",
                "--rtol", "1e-9", "--atol", "1e-12");
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        List<String> backendLines = run.err().lines().filter(l -> l.startsWith("backend: ")).toList();
        assertEquals(1, backendLines.size(), run.transcript());
        // The line agrees with the probe the runtime uses: this machine either has a usable GPU or it does not.
        String line = backendLines.getFirst();
        try {
            CudaGpu device = CudaGpu.probe();
            assertEquals("backend: cuda (" + device.name() + ", compute capability " + device.major() + "."
                    + device.minor() + ")", line);
        } catch (CudaUnavailableException e) {
            String prefix = "backend: cpu (no CUDA device: ";
            assertTrue(line.startsWith(prefix) && line.endsWith(")"), line);
            String why = line.substring(prefix.length(), line.length() - 1);
            // The probe's own words, without its closing advice to use the CPU backend: auto has taken it.
            assertTrue(!why.isBlank() && e.getMessage().startsWith(why), why + " from " + e.getMessage());
            assertFalse(line.contains("use the CPU backend"), line);
        }
        assertEquals(0, run.err().indexOf("backend: "), "said before the summary line:\n" + run.transcript());

        // Stdout is the CSV and nothing else: the header, then one final row per instance, y(2) = exp(-1).
        List<String> rows = run.out().lines().toList();
        assertEquals(List.of("instance,t,y"), rows.subList(0, 1), run.transcript());
        assertEquals(3, rows.size(), run.transcript());
        for (String row : rows.subList(1, 3)) {
            String[] cells = row.split(",");
            assertEquals(2.0, Double.parseDouble(cells[1]));
            // dopri5 at rtol 1e-9 is accurate to about 1e-9 here; f64 on either backend.
            assertEquals(Math.exp(-1), Double.parseDouble(cells[2]), 1e-8);
        }
        assertFalse(run.out().contains("backend"), run.transcript());
    }

    @Test
    void anExplicitBackendIsNotAnnounced() throws IOException {
        CliRun run = odec("solve", decay().toString(), "--batch", "1", "--backend", "cpu");
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("backend: ")), run.transcript());
    }

    @Test
    void anUnknownBackendNamesTheKnownOnes() throws IOException {
        CliRun run = odec("solve", decay().toString(), "--batch", "1", "--backend", "gpu");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: --backend must be one of cpu, cuda, cuda-host, auto, not 'gpu'\n", run.err());
        assertEquals("", run.out());
    }
}
