package io.github.odec.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs open all at once, and only regular files are ever replaced: staged and renamed on commit, never half a file. */
class StreamedOutputsTest {

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();

    private List<String> files() throws IOException {
        try (var listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesChangeOnlyAtTheCommit() throws IOException {
        Path a = Files.writeString(dir.resolve("a.bin"), "old");
        Path b = dir.resolve("b.bin");
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            OutputStream first = outputs.open(a);
            OutputStream second = outputs.open(b);
            first.write("new a, ".getBytes());
            second.write("new b".getBytes());
            first.write("in two pieces".getBytes());
            assertEquals("old", Files.readString(a), "nothing replaced before the commit");
            assertEquals(3, files().size(), "a, and the two staged files beside their targets");
            outputs.commit();
        }
        assertEquals("new a, in two pieces", Files.readString(a));
        assertEquals("new b", Files.readString(b));
        assertEquals(List.of("a.bin", "b.bin"), files(), "no temporary file left");
    }

    @Test
    void withoutACommitEveryFileStaysAsItWas() throws IOException {
        Path a = Files.writeString(dir.resolve("a.bin"), "old");
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            outputs.open(a).write("half of it".getBytes());
            outputs.open(dir.resolve("new.bin")).write("x".getBytes());
            // a failure part way: no commit
        }
        assertEquals("old", Files.readString(a));
        assertEquals(List.of("a.bin"), files());
    }

    @Test
    void aDeviceIsWrittenInPlaceNeverReplaced() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            outputs.open(devNull).write(new byte[1 << 20]);
            outputs.commit();
        }
        assertTrue(SpecialFiles.isCharacterDevice(devNull), "the device is still a device");
        assertEquals(List.of("null"), files());
    }

    @Test
    void aFolderIsNamedAndNothingIsStaged() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            IOException e = assertThrows(IOException.class, () -> outputs.open(folder));
            assertEquals("cannot write " + folder + ": it is a folder", e.getMessage());
        }
        assertEquals(List.of("out"), files());
    }

    /** What one output receives; may fail part way, as a result writer can. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Path, Content> ordered(Path first, Content a, Path second, Content b) {
        Map<Path, Content> outputs = new LinkedHashMap<>();
        outputs.put(first, a);
        outputs.put(second, b);
        return outputs;
    }

    /** Opens every output, writes each, and commits: what `odec solve` does with one chunk. */
    private void commit(Map<Path, Content> contents) throws IOException {
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            for (Map.Entry<Path, Content> e : contents.entrySet()) {
                e.getValue().writeTo(outputs.open(e.getKey()));
            }
            outputs.commit();
        }
    }

    @Test
    void regularFilesAreReplacedAndKeepTheirMode() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r-----"));
        Path b = dir.resolve("b.csv");
        commit(Map.of(a, text("new a\n"), b, text("new b\n")));
        assertEquals("new a\n", Files.readString(a));
        assertEquals("new b\n", Files.readString(b));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        assertEquals(List.of("a.csv", "b.csv"), files());
    }

    @Test
    void oneFailedOutputLeavesEveryExistingFileAndNoTemporary() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "old b\n");
        IOException broken = new IOException("the renderer broke");
        Map<Path, Content> outputs = new LinkedHashMap<>();
        outputs.put(a, text("new a\n".repeat(50_000)));
        outputs.put(b, w -> {
            w.write("half of b".getBytes());
            throw new IOException("cannot write " + b + ": " + broken.getMessage(), broken);
        });
        IOException e = assertThrows(IOException.class, () -> commit(outputs));
        assertEquals("cannot write " + b + ": the renderer broke", e.getMessage());
        assertEquals("old a\n", Files.readString(a), "a was complete, but is not committed alone");
        assertEquals("old b\n", Files.readString(b));
        assertEquals(List.of("a.csv", "b.csv"), files());
    }

    @Test
    void aFolderThatIsAFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        Path under = file.resolve("b.csv");
        IOException e = assertThrows(IOException.class, () -> commit(ordered(a, text("new"), under, text("b"))));
        assertEquals("cannot write " + under + ": Not a directory", e.getMessage());
        assertEquals("old a\n", Files.readString(a));
        IOException before = assertThrows(IOException.class, () -> OutputFiles.checkBeforehand(Map.of("--stats", under)));
        assertEquals("cannot write " + under + ": no folder " + file, before.getMessage());
    }

    @Test
    void aDeviceTakesMoreThanABufferInPlace() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        commit(Map.of(devNull, text("values\n".repeat(100_000))));
        assertTrue(SpecialFiles.isCharacterDevice(devNull), "still the device");
        assertEquals(List.of("null"), files());
    }

    @Test
    void aFullDeviceFailsNamedAndNothingElseIsReplaced() throws IOException {
        Path full = SpecialFiles.fullDevice(dir);
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        IOException e = assertThrows(IOException.class,
                () -> commit(ordered(a, text("new a\n"), full, text("stats\n"))));
        assertEquals("cannot write " + full + ": No space left on device", e.getMessage());
        assertTrue(SpecialFiles.isCharacterDevice(full));
        assertEquals("old a\n", Files.readString(a));
        assertEquals(List.of("a.csv", "full"), files());
    }

    @Test
    void standardOutputOnAFullDiskIsAFailureNotASilentSuccess() throws IOException {
        Path full = SpecialFiles.fullDevice(dir);
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        try (PrintStream stream = new PrintStream(new FileOutputStream(full.toFile()), false)) {
            // As main() builds it: a PrintWriter over a PrintStream, both of which swallow errors.
            PrintWriter stdout = new PrintWriter(stream, true);
            IOException e = assertThrows(IOException.class, () -> {
                try (StreamedOutputs outputs = new StreamedOutputs(stdout)) {
                    outputs.open(a).write("new a\n".getBytes());
                    outputs.standardOutput().write("values\n");
                    outputs.commit();
                }
            });
            assertEquals("cannot write standard output: the write failed (a full disk, or a reader that went away)",
                    e.getMessage());
        }
        assertEquals("old a\n", Files.readString(a));
    }

    @Test
    void aFifoIsWrittenInPlaceForItsReader() throws Exception {
        Path fifo = SpecialFiles.fifo(dir);
        CompletableFuture<String> read = SpecialFiles.readAll(fifo);
        String content = "instance,t,y\n".repeat(20_000); // more than a pipe holds: the reader must be draining it
        // A guard against a hang (a FIFO blocks its writer until a reader opens it), not a timing assertion.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> commit(Map.of(fifo, text(content))));
        assertEquals(content, read.get(30, TimeUnit.SECONDS));
        assertTrue(SpecialFiles.isFifo(fifo), "still the FIFO");
    }

    @Test
    void aLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path target = Files.writeString(dir.resolve("target.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("target.csv"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("created.csv"));
        commit(ordered(link, text("through the link\n"), dangling, text("new file\n")));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("target.csv"), Files.readSymbolicLink(link));
        assertEquals("through the link\n", Files.readString(target));
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("new file\n", Files.readString(dir.resolve("created.csv")));
    }

    @Test
    void aLinkToADeviceLeavesBoth() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), devNull);
        commit(Map.of(link, text("values\n")));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(SpecialFiles.isCharacterDevice(devNull));
    }

    @Test
    void twoOptionsNamingOneFileAreRefusedBeforehand() throws IOException {
        Path a = dir.resolve("a.csv");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), a);
        Map<String, Path> same = new LinkedHashMap<>();
        same.put("--out", a);
        same.put("--stats", dir.resolve(".").resolve("a.csv"));
        IOException e = assertThrows(IOException.class, () -> OutputFiles.checkBeforehand(same));
        assertEquals("--out and --stats name the same file (" + dir.resolve(".").resolve("a.csv") + "); give each its own",
                e.getMessage());

        Files.writeString(a, "exists\n");
        Map<String, Path> viaLink = new LinkedHashMap<>();
        viaLink.put("--out", a);
        viaLink.put("--plot", link);
        e = assertThrows(IOException.class, () -> OutputFiles.checkBeforehand(viaLink));
        assertEquals("--out and --plot name the same file (" + link + "); give each its own", e.getMessage());

        Path hard = Files.createLink(dir.resolve("hard.csv"), a);
        e = assertThrows(IOException.class, () -> OutputFiles.checkBeforehand(Map.of("--out", a, "--stats", hard)));
        assertTrue(e.getMessage().endsWith("name the same file (" + (e.getMessage().startsWith("--out") ? hard : a)
                + "); give each its own"), e.getMessage());

        OutputFiles.checkBeforehand(Map.of("--out", a, "--stats", dir.resolve("b.csv")));
    }

    @Test
    void oneDeviceForTwoOutputsIsAllowed() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        OutputFiles.checkBeforehand(Map.of("--out", devNull, "--stats", devNull));
    }

    @Test
    void aFolderIsRefusedBeforehand() {
        IOException e = assertThrows(IOException.class, () -> OutputFiles.checkBeforehand(Map.of("--out", dir)));
        assertEquals("cannot write " + dir + ": it is a folder", e.getMessage());
    }
}
