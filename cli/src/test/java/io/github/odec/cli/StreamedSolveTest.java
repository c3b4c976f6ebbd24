package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch far larger than the heap is solved in chunks: 10^7 instances in a JVM of {@value #HEAP}
 * heap (compiling the system takes most of it; the batch's arrays would take 1.6 GB in one piece), and every
 * row equals an in-memory run's.
 */
class StreamedSolveTest {

    private static final long INSTANCES = 10_000_000;
    private static final String HEAP = "-Xmx64m";
    /** instance (i8), t (f8), y (f8). */
    private static final int RECORD = 24;

    @TempDir
    Path dir;

    @Test
    void tenMillionInstancesSolveInASixtyFourMegabyteHeap() throws Exception {
        Path ode = DecaySample.writeTo(dir);
        Path streamed = dir.resolve("streamed.npy");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, HEAP, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), OdecCommand.class.getName(), "solve", ode.toString(),
                "--batch", Long.toString(INSTANCES), "--t1", "1", "--threads", "2", "--out", streamed.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the streamed run finished");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains(INSTANCES + " instances: " + INSTANCES + " succeeded"), output);

        // The in-memory run: one chunk, in this JVM. Every generated instance is the same problem, so each
        // streamed row must hold its own number and the in-memory run's t and y, bit for bit.
        Path inMemory = dir.resolve("memory.npy");
        CliRun whole = odec("solve", ode.toString(), "--batch", "1000", "--chunk", "1000", "--t1", "1", "--out",
                inMemory.toString());
        assertEquals(0, whole.exitCode(), whole.transcript());
        byte[] expected = Files.readAllBytes(inMemory);
        int header = expected.length - 1000 * RECORD;
        ByteBuffer values = ByteBuffer.wrap(expected, header + 8, 16).slice();

        assertEquals(header + INSTANCES * RECORD, Files.size(streamed));
        try (FileChannel channel = FileChannel.open(streamed, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(header);
            channel.read(head, 0);
            String dict = new String(head.array(), 10, header - 10, StandardCharsets.US_ASCII);
            assertTrue(dict.contains("'shape': (" + INSTANCES + ",)"), dict);
            ByteBuffer block = ByteBuffer.allocate(RECORD * 65536).order(ByteOrder.LITTLE_ENDIAN);
            long row = 0;
            for (long at = header; at < Files.size(streamed); at += block.capacity()) {
                block.clear();
                while (block.hasRemaining() && channel.read(block, at + block.position()) > 0) { }
                block.flip();
                while (block.hasRemaining()) {
                    assertEquals(row, block.getLong(), "instance number");
                    ByteBuffer rest = block.slice(block.position(), 16);
                    if (!rest.equals(values)) {
                        assertEquals(List.of(values), List.of(rest), "t and y of instance " + row);
                    }
                    block.position(block.position() + 16);
                    row++;
                }
            }
            assertEquals(INSTANCES, row);
        }
    }
}
