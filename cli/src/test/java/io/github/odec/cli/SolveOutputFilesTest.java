package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.odec.cli.output.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's output cases, end to end: devices, FIFOs and links are never replaced, a failure in any
 * output leaves every existing file, a full disk is an error that names the file, two options never
 * share a file. Device nodes are made in the test's folder, never the real /dev ones.
 */
class SolveOutputFilesTest {

    @TempDir
    Path dir;
    Path decay;

    @BeforeEach
    void sample() throws IOException {
        decay = DecaySample.writeTo(dir);
    }

    @Test
    void outToANullDeviceLeavesTheDevice() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        CliRun run = odec("solve", decay.toString(), "--batch", "3", "--eval", "5", "--out", devNull.toString(),
                "--stats", devNull.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        assertTrue(SpecialFiles.isCharacterDevice(devNull), "still a device, not a regular file");
        assertEquals(List.of("decay.ode", "null"), files());
    }

    @Test
    void outToAFullDeviceExitsOneAndNamesIt() throws IOException {
        Path full = SpecialFiles.fullDevice(dir);
        CliRun run = odec("solve", decay.toString(), "--batch", "1", "--out", full.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: cannot write " + full + ": No space left on device\n", run.err());
        assertTrue(SpecialFiles.isCharacterDevice(full));
    }

    @Test
    void aFailedStatsWriteLeavesTheExistingOutFile() throws IOException {
        Path full = SpecialFiles.fullDevice(dir);
        Path out = Files.writeString(dir.resolve("values.csv"), "old values\n");
        Path plot = Files.writeString(dir.resolve("plot.svg"), "old plot\n");
        CliRun run = odec("solve", decay.toString(), "--batch", "2", "--eval", "3", "--out", out.toString(),
                "--stats", full.toString(), "--plot", plot.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: cannot write " + full + ": No space left on device\n", run.err());
        assertEquals("old values\n", Files.readString(out));
        assertEquals("old plot\n", Files.readString(plot));
        assertEquals(List.of("decay.ode", "full", "plot.svg", "values.csv"), files(), "no temporary file left");
    }

    @Test
    void outToAFifoReachesItsReader() throws Exception {
        Path fifo = SpecialFiles.fifo(dir);
        CompletableFuture<String> read = SpecialFiles.readAll(fifo);
        CliRun run = odec("solve", decay.toString(), "--batch", "1", "--t1", "0", "--out", fifo.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        assertEquals("instance,t,y\n0,0.0,1.0\n", read.get(60, TimeUnit.SECONDS));
        assertTrue(SpecialFiles.isFifo(fifo));
    }

    @Test
    void outThroughALinkReplacesItsTargetAndKeepsTheLink() throws IOException {
        Path target = Files.writeString(dir.resolve("target.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), target);
        CliRun run = odec("solve", decay.toString(), "--batch", "1", "--t1", "0", "--out", link.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("instance,t,y\n0,0.0,1.0\n", Files.readString(target));
    }

    @Test
    void outAndStatsNamingOneFileAreRefusedBeforeSolving() throws IOException {
        Path same = Files.writeString(dir.resolve("run.csv"), "old\n");
        CliRun run = odec("solve", decay.toString(), "--batch", "1", "--out", same.toString(),
                "--stats", dir.resolve(".").resolve("run.csv").toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: --out and --stats name the same file (" + dir.resolve(".").resolve("run.csv")
                + "); give each its own\n", run.err());
        assertEquals("old\n", Files.readString(same));
    }

    @Test
    void aStatsFolderThatIsAFileIsReportedBeforeSolving() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path out = Files.writeString(dir.resolve("values.csv"), "old values\n");
        Path stats = file.resolve("stats.csv");
        CliRun run = odec("solve", decay.toString(), "--batch", "1", "--out", out.toString(), "--stats", stats.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: cannot write " + stats + ": no folder " + file + "\n", run.err());
        assertEquals("old values\n", Files.readString(out));
    }

    /** The real main(), in its own JVM, with standard output on a full device: exit 1, not a silent 0. */
    @Test
    void standardOutputOnAFullDeviceExitsOne() throws Exception {
        Path full = SpecialFiles.fullDevice(dir);
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OdecCommand.class.getName(),
                "solve", decay.toString(), "--batch", "2", "--eval", "3")
                .redirectOutput(full.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a guard against a hang only");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(ExitCode.USER_ERROR, p.exitValue(), stderr);
        assertEquals("odec: cannot write standard output: the write failed (a full disk, or a reader that went away)\n",
                stderr);
        assertTrue(SpecialFiles.isCharacterDevice(full));
    }

    /**
     * {@code --out /proc/self/fd/1} (what /dev/stdout links to) is the descriptor the shell opened, here for
     * appending: written in place, so the file keeps what it had (/proc, not the real /dev/stdout link, so
     * that a mistake could not replace anything).
     */
    @Test
    void outToTheProcessesOwnDescriptorKeepsTheShellsAppend() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/1")), "no /proc here");
        Path log = Files.writeString(dir.resolve("log.txt"), "before\n");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OdecCommand.class.getName(),
                "solve", decay.toString(), "--batch", "1", "--t1", "0", "--out", "/proc/self/fd/1")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a guard against a hang only");
        assertEquals(ExitCode.OK, p.exitValue(), Files.readString(err));
        assertEquals("before\ninstance,t,y\n0,0.0,1.0\n", Files.readString(log));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
