package io.github.odec.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.emit.java.JavaSolverSource;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.cuda.ContentCache;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolverSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Solver classes on disk: a second process (a fresh in-memory cache over the same folder) defines
 * the stored class files without javac; a damaged entry and an entry of another odec are rebuilt.
 */
class SolverClassDiskTest {

    @TempDir
    Path root;

    private final List<String> warnings = new ArrayList<>();

    private static final JavaSolverSource SOURCE = new CompiledSystem(TestSystems.vanDerPol(), Frontend.standardTableaus())
            .javaSource(new SolverSpec(Method.named("dopri5"), StepControllerKind.INTEGRAL, Precision.F64, true));

    private static final SolverClassCache.Request REQUEST =
            new SolverClassCache.Request(SOURCE.binaryName(), SOURCE.source(), List.of());

    private SolverClassDisk disk(String identity) {
        return new SolverClassDisk(new ContentCache(root, warnings::add), identity);
    }

    /** One process: its own in-memory cache, as a fresh {@code odec solve} has. */
    private static Class<?> solveInANewProcess(SolverClassDisk disk) {
        return new SolverClassCache(8, disk::classFor).get(REQUEST);
    }

    private Path entry(SolverClassDisk disk) {
        return root.resolve(SolverClassDisk.KIND).resolve(disk.key(REQUEST));
    }

    @Test
    void aSecondProcessLoadsTheClassWithoutJavac() {
        SolverClassDisk disk = disk("odec test 1");
        long before = InMemoryJavaCompiler.compilations();
        Class<?> first = solveInANewProcess(disk);
        assertEquals(before + 1, InMemoryJavaCompiler.compilations(), "the first process compiles");
        assertTrue(Files.isRegularFile(entry(disk)), "and stores the class files");

        Class<?> second = solveInANewProcess(disk);
        assertEquals(before + 1, InMemoryJavaCompiler.compilations(), "the second process runs no javac");
        assertNotSame(first, second, "a class loader of its own, as in a new process");
        assertEquals(SOURCE.binaryName(), second.getName());
        assertTrue(CompiledSolver.class.isAssignableFrom(second));
        Map<String, byte[]> compiled = InMemoryJavaCompiler.classFiles(REQUEST.binaryName(), REQUEST.source(), List.of());
        Map<String, byte[]> stored = disk.load(disk.key(REQUEST)).orElseThrow();
        assertEquals(compiled.keySet(), stored.keySet());
        compiled.forEach((name, bytes) -> assertArrayEquals(bytes, stored.get(name), name));
        assertEquals(List.of(), warnings);
    }

    /** Bytes that do not match the entry's checksum (a crash mid-write, a disk error): removed, compiled, stored again. */
    @Test
    void aCorruptEntryIsDetectedAndRebuilt() throws Exception {
        SolverClassDisk disk = disk("odec test 1");
        solveInANewProcess(disk);
        byte[] good = Files.readAllBytes(entry(disk));
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x40;
        Files.write(entry(disk), bad);
        long before = InMemoryJavaCompiler.compilations();
        Class<?> rebuilt = solveInANewProcess(disk);
        assertEquals(before + 1, InMemoryJavaCompiler.compilations(), "a corrupt entry is compiled again");
        assertEquals(SOURCE.binaryName(), rebuilt.getName());
        assertArrayEquals(good, Files.readAllBytes(entry(disk)), "and stored again, intact");
    }

    /** An entry whose checksum matches but which is not a class bundle of this format is not defined either. */
    @Test
    void anIntactEntryOfAnotherFormatIsIgnored() {
        SolverClassDisk disk = disk("odec test 1");
        new ContentCache(root, warnings::add).store(SolverClassDisk.KIND, disk.key(REQUEST), "not classes".getBytes(), false);
        long before = InMemoryJavaCompiler.compilations();
        solveInANewProcess(disk);
        assertEquals(before + 1, InMemoryJavaCompiler.compilations());
    }

    /** Another odec (version, JDK or build) neither finds this one's entries by key nor uses them by header. */
    @Test
    void anEntryOfAnotherOdecIsIgnored() throws Exception {
        SolverClassDisk older = disk("odec 0.9; java 24");
        SolverClassDisk current = disk("odec 1.0; java 25");
        solveInANewProcess(older);
        long before = InMemoryJavaCompiler.compilations();
        solveInANewProcess(current);
        assertEquals(before + 1, InMemoryJavaCompiler.compilations(), "a different identity is a different key");

        // Even under this odec's key, the older header is refused.
        byte[] olderEntry = older.encode(InMemoryJavaCompiler.classFiles(REQUEST.binaryName(), REQUEST.source(), List.of()));
        new ContentCache(root, warnings::add).store(SolverClassDisk.KIND, current.key(REQUEST), olderEntry, false);
        assertTrue(current.load(current.key(REQUEST)).isEmpty(), "the header names another odec");
        // The reactor's tests run from class folders, whose contents change without a stamp: no disk there.
        assertTrue(SolverClassDisk.currentIdentity().isEmpty(), SolverClassDisk.currentIdentity().toString());
    }
}
