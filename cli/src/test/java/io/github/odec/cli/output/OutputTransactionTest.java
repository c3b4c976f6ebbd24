package io.github.odec.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are written all or nothing, and only regular files are ever replaced. */
class OutputTransactionTest {

    @TempDir
    Path dir;

    private static OutputTransaction.Content text(String s) {
        return w -> w.write(s);
    }

    private OutputTransaction transaction() {
        return new OutputTransaction(new PrintWriter(new StringWriter()));
    }

    @Test
    void regularFilesAreReplacedAndKeepTheirMode() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r-----"));
        Path b = dir.resolve("b.csv");
        transaction().add(a, text("new a\n")).add(b, text("new b\n")).commit();
        assertEquals("new a\n", Files.readString(a));
        assertEquals("new b\n", Files.readString(b));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        assertEquals(List.of("a.csv", "b.csv"), names());
    }

    @Test
    void oneFailedOutputLeavesEveryExistingFileAndNoTemporary() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "old b\n");
        IOException broken = new IOException("the renderer broke");
        IOException e = assertThrows(IOException.class, () -> transaction().add(a, text("new a\n".repeat(50_000)))
                .add(b, w -> {
                    w.write("half of b");
                    throw broken;
                }).commit());
        assertEquals("cannot write " + b + ": the renderer broke", e.getMessage());
        assertEquals("old a\n", Files.readString(a), "a was complete, but is not committed alone");
        assertEquals("old b\n", Files.readString(b));
        assertEquals(List.of("a.csv", "b.csv"), names());
    }

    @Test
    void aFolderThatIsAFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        Path under = file.resolve("b.csv");
        IOException e = assertThrows(IOException.class, () -> transaction().add(a, text("new")).add(under, text("b")).commit());
        assertEquals("cannot write " + under + ": Not a directory", e.getMessage());
        assertEquals("old a\n", Files.readString(a));
        IOException before = assertThrows(IOException.class, () -> OutputTransaction.checkBeforehand(Map.of("--stats", under)));
        assertEquals("cannot write " + under + ": no folder " + file, before.getMessage());
    }

    @Test
    void aDeviceIsWrittenInPlaceNeverReplaced() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        OutputTransaction.write(devNull, text("values\n".repeat(100_000)));
        assertTrue(SpecialFiles.isCharacterDevice(devNull), "still the device");
        assertEquals(List.of("null"), names());
    }

    @Test
    void aFullDeviceFailsNamedAndNothingElseIsReplaced() throws IOException {
        Path full = SpecialFiles.fullDevice(dir);
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        IOException e = assertThrows(IOException.class,
                () -> transaction().add(a, text("new a\n")).add(full, text("stats\n")).commit());
        assertEquals("cannot write " + full + ": No space left on device", e.getMessage());
        assertTrue(SpecialFiles.isCharacterDevice(full));
        assertEquals("old a\n", Files.readString(a));
        assertEquals(List.of("a.csv", "full"), names());
    }

    @Test
    void standardOutputOnAFullDiskIsAFailureNotASilentSuccess() throws IOException {
        Path full = SpecialFiles.fullDevice(dir);
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        try (PrintStream stream = new PrintStream(new FileOutputStream(full.toFile()), false)) {
            // As main() builds it: a PrintWriter over a PrintStream, both of which swallow errors.
            PrintWriter stdout = new PrintWriter(stream, true);
            IOException e = assertThrows(IOException.class, () -> new OutputTransaction(stdout)
                    .add(a, text("new a\n")).addStandardOutput(text("values\n")).commit());
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
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> OutputTransaction.write(fifo, text(content)));
        assertEquals(content, read.get(30, TimeUnit.SECONDS));
        assertTrue(SpecialFiles.isFifo(fifo), "still the FIFO");
    }

    @Test
    void aLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path target = Files.writeString(dir.resolve("target.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("target.csv"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("created.csv"));
        transaction().add(link, text("through the link\n")).add(dangling, text("new file\n")).commit();
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
        OutputTransaction.write(link, text("values\n"));
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
        IOException e = assertThrows(IOException.class, () -> OutputTransaction.checkBeforehand(same));
        assertEquals("--out and --stats name the same file (" + dir.resolve(".").resolve("a.csv") + "); give each its own",
                e.getMessage());

        Files.writeString(a, "exists\n");
        Map<String, Path> viaLink = new LinkedHashMap<>();
        viaLink.put("--out", a);
        viaLink.put("--plot", link);
        e = assertThrows(IOException.class, () -> OutputTransaction.checkBeforehand(viaLink));
        assertEquals("--out and --plot name the same file (" + link + "); give each its own", e.getMessage());

        Path hard = Files.createLink(dir.resolve("hard.csv"), a);
        e = assertThrows(IOException.class, () -> OutputTransaction.checkBeforehand(Map.of("--out", a, "--stats", hard)));
        assertTrue(e.getMessage().endsWith("name the same file (" + (e.getMessage().startsWith("--out") ? hard : a)
                + "); give each its own"), e.getMessage());

        OutputTransaction.checkBeforehand(Map.of("--out", a, "--stats", dir.resolve("b.csv")));
    }

    @Test
    void oneDeviceForTwoOutputsIsAllowed() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        OutputTransaction.checkBeforehand(Map.of("--out", devNull, "--stats", devNull));
    }

    @Test
    void aFolderIsNotAnOutput() {
        IOException e = assertThrows(IOException.class, () -> OutputTransaction.checkBeforehand(Map.of("--out", dir)));
        assertEquals("cannot write " + dir + ": it is a folder", e.getMessage());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
