package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.odec.runtime.BatchMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes too large for one Java array or the heap are refused before anything is allocated, with the
 * numbers and how many instances fit: issue 14's cases, none of which may allocate gigabytes here. Since
 * batches are solved in chunks (issue 15) the limit is a chunk's (or one instance's), named by --chunk.
 */
class SolveSizeTest {

    /** Three states and one parameter, as Lorenz. */
    private static final String THREE = """
            system Three {
                state x = 1.0, y = 0.0, z = 0.0;
                param k = 1.0;
                x' = -k * x;
                y' = x;
                z' = y;
            }
            """;

    @TempDir
    Path dir;
    Path three;

    @BeforeEach
    void sample() throws IOException {
        three = Files.writeString(dir.resolve("three.ode"), THREE);
    }

    private static long fits(long instances, long eval) {
        return new BatchMemory(instances, 3, 1, eval).maxInstances(BatchMemory.maxHeap());
    }

    @Test
    void aChunkBeyondAnArrayIsRefusedNamingChunk() {
        CliRun run = odec("solve", three.toString(), "--batch", "1000", "--eval", "3000000", "--chunk", "1000");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: --chunk 1000 × --eval 3000000 × 3 states = 9.0e9 values (96.0 GB in all), more than one Java "
                + "array holds (2147483639 values): give --chunk at most " + fits(1, 3_000_000) + "\n", run.err());
    }

    @Test
    void rowsBeyondALongAreRefusedUpFront() {
        CliRun run = odec("solve", three.toString(), "--batch", "9223372036854775807", "--eval", "2");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: --batch 9223372036854775807 × --eval 2 = more than 9.2e18 rows of values; solve fewer "
                + "instances or points per run\n", run.err());
    }

    @Test
    void theLargestEvalIsRefusedUpFront() {
        CliRun run = odec("solve", three.toString(), "--batch", "1", "--eval", "2147483647");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: one instance × --eval 2147483647 × 3 states = 6.4e9 values ("
                + bytes(9 * 3 + 9 + 34 + 16 * 3 + 8 + 8 * 2147483647L + 8 * 3 * 2147483647L + 88)
                + " in all), more than one Java array holds (2147483639 values): solve fewer --eval points\n", run.err());
    }

    @Test
    void aChunkBeyondTheHeapSaysHowManyFit() {
        long bytes = 100_000_000L * (9 * 3 + 9 + 34 + 16 * 3 + 8 + 88);
        assumeTrue(BatchMemory.maxHeap() < bytes, "this JVM's heap would hold them: the test would allocate gigabytes");
        CliRun run = odec("solve", three.toString(), "--batch", "100000000", "--chunk", "100000000");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.transcript());
        assertEquals("odec: --chunk 100000000 × 3 states = 3.0e8 values (" + bytes(bytes) + " in all), more than this "
                + "JVM's heap (" + bytes(BatchMemory.maxHeap()) + "): give --chunk at most " + fits(1, 0)
                + ", or give Java more heap (JAVA_TOOL_OPTIONS=-Xmx...)\n", run.err());
    }

    /** The runtime's own formatting of bytes (tested in BatchMemoryTest), so this text does not restate it. */
    private static String bytes(long n) {
        return BatchMemory.bytes(n);
    }
}
