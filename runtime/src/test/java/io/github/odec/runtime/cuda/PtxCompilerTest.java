package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.spi.CudaKernelSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nvcc fallback of the PTX compiler and its disk cache (needs nvcc; ODEC_REQUIRE_NVCC=1 makes it required). */
class PtxCompilerTest {

    static Nvcc nvcc() {
        Optional<Nvcc> found = Nvcc.find();
        if (found.isEmpty() && "1".equals(System.getenv("ODEC_REQUIRE_NVCC"))) {
            fail("ODEC_REQUIRE_NVCC=1 but nvcc was not found");
        }
        assumeTrue(found.isPresent(), "nvcc not found");
        return found.orElseThrow();
    }

    @Test
    void compilesCachesAndRebuildsACorruptEntry(@TempDir Path root) throws IOException {
        PtxCompiler compiler = new PtxCompiler(Optional.empty(), Optional.of(nvcc()), new ContentCache(root), false);
        CudaKernelSource kernel = NvrtcTest.kernel(NvrtcTest.KERNEL);
        String ptx = compiler.compile(kernel, 9, 0);
        assertTrue(ptx.contains(".visible .entry scale"));
        assertTrue(ptx.contains(".target sm_90"), "compiled for the device's own architecture");
        Path entry = single(root.resolve("ptx"));
        assertEquals(ptx, Files.readString(entry));

        Files.writeString(entry, ptx.substring(0, ptx.length() / 2));
        assertEquals(ptx, compiler.compile(kernel, 9, 0), "a truncated entry is detected and rebuilt");
        assertEquals(ptx, Files.readString(single(root.resolve("ptx"))));
    }

    @Test
    void aCacheOthersCanWriteIsNotReadAndThePtxStillComes(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("ptx"));
        Files.setPosixFilePermissions(root.resolve("ptx"), PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> warnings = new ArrayList<>();
        PtxCompiler compiler = new PtxCompiler(Optional.empty(), Optional.of(nvcc()), new ContentCache(root, warnings::add), false);
        String ptx = compiler.compile(NvrtcTest.kernel(NvrtcTest.KERNEL), 9, 0);
        assertTrue(ptx.contains(".visible .entry scale"));
        assertEquals(1, warnings.size(), warnings.toString());
        try (Stream<Path> s = Files.list(root.resolve("ptx"))) {
            assertEquals(List.of(), s.toList(), "nothing is written to a folder others can write");
        }
    }

    @Test
    void aCompileErrorQuotesTheGeneratedLine(@TempDir Path root) {
        PtxCompiler compiler = new PtxCompiler(Optional.empty(), Optional.of(nvcc()), new ContentCache(root), false);
        CudaKernelSource broken = NvrtcTest.kernel(NvrtcTest.KERNEL.replace("twice(sinf", "thrice(sinf"));
        CudaCompileException e = assertThrows(CudaCompileException.class, () -> compiler.compile(broken, 8, 0));
        assertTrue(e.getMessage().contains("generated line 6: y[i] = thrice(sinf(y[i]));"), e.getMessage());
    }

    @Test
    void withoutAnyCompilerTheMessageSaysWhatToInstall(@TempDir Path root) {
        PtxCompiler compiler = new PtxCompiler(Optional.empty(), Optional.empty(), new ContentCache(root), false);
        CudaUnavailableException e = assertThrows(CudaUnavailableException.class,
                () -> compiler.compile(NvrtcTest.kernel(NvrtcTest.KERNEL), 8, 0));
        assertTrue(e.getMessage().contains("libnvrtc.so.13"), e.getMessage());
    }

    private static Path single(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> entries = s.filter(p -> !p.toString().endsWith(".sha256")).toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.getFirst();
        }
    }
}
