package io.github.odec.runtime.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java.lang.foreign NVRTC binding against a stand-in library with NVRTC's C signatures that
 * compiles through nvcc (src/test/resources/fake-nvrtc): this machine and CI have nvcc but no
 * libnvrtc, so this is how the marshalling (program handle, option array, log and PTX buffers,
 * status codes) is tested here. The real library is exercised by NvrtcTest where one is installed.
 */
class NvrtcBindingTest {

    @TempDir
    static Path dir;
    static Nvrtc nvrtc;

    @BeforeAll
    static void buildStandIn() throws IOException, InterruptedException {
        Nvcc nvcc = PtxCompilerTest.nvcc();
        Path c = dir.resolve("fake_nvrtc.c");
        try (InputStream in = NvrtcBindingTest.class.getResourceAsStream("/fake-nvrtc/fake_nvrtc.c")) {
            Files.copy(in, c);
        }
        Path lib = dir.resolve("libnvrtc.so.13");
        // nvcc drives the host compiler, so no separate C compiler needs to be found.
        Nvcc.Result r = nvcc.run(List.of("-shared", "-Xcompiler", "-fPIC", "-x", "c", "-o", lib.toString(), c.toString()), dir);
        assertEquals(0, r.exitCode(), r.output());
        nvrtc = Nvrtc.load(lib).orElseThrow();
    }

    @Test
    void compilesThroughTheBinding() {
        assertEquals("99.0", nvrtc.version());
        String ptx = nvrtc.compile(NvrtcTest.KERNEL, "scale.cu", List.of("--gpu-architecture=compute_80", "--fmad=false"));
        assertTrue(ptx.contains(".visible .entry scale"), ptx);
        assertTrue(ptx.contains(".target sm_80"), "the architecture option reached the compiler");
    }

    @Test
    void aCompileErrorComesBackWithTheLogAndTheGeneratedLine() {
        CudaCompileException e = assertThrows(CudaCompileException.class,
                () -> nvrtc.compile(NvrtcTest.KERNEL.replace("twice(sinf", "thrice(sinf"), "scale.cu", List.of()));
        assertTrue(e.getMessage().contains("generated line 6: y[i] = thrice(sinf(y[i]));"), e.getMessage());
        assertTrue(e.getMessage().contains("NVRTC 99.0"), e.getMessage());
    }

    @Test
    void thePtxCompilerPrefersNvrtcAndCachesItsOutput(@TempDir Path cacheRoot) {
        PtxCompiler compiler = new PtxCompiler(Optional.of(nvrtc), Optional.empty(), new ContentCache(cacheRoot), false);
        assertTrue(compiler.compilerName().startsWith("NVRTC 99.0"), compiler.compilerName());
        String ptx = compiler.compile(NvrtcTest.kernel(NvrtcTest.KERNEL), 9, 0);
        assertTrue(ptx.contains(".target sm_90"));
        assertEquals(ptx, compiler.compile(NvrtcTest.kernel(NvrtcTest.KERNEL), 9, 0));
    }

    @Test
    void aMissingOrForeignLibraryIsNotNvrtc() throws IOException {
        assertTrue(Nvrtc.load(dir.resolve("absent.so")).isEmpty());
        Path notALibrary = Files.writeString(dir.resolve("libnvrtc.so.12"), "not an ELF file");
        assertTrue(Nvrtc.load(notALibrary).isEmpty());
    }
}
