package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.spi.CudaKernelSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Generated CUDA source to PTX for one architecture: NVRTC when a library is found, else
 * {@code nvcc -ptx}; the result is cached on disk by the hash of source, architecture, options and
 * compiler, so a process that solves the same system again skips the compile.
 */
public final class PtxCompiler {

    private static final String KIND = "ptx";

    private final Optional<Nvrtc> nvrtc;
    private final Optional<Nvcc> nvcc;
    private final ContentCache cache;
    private final boolean fusedMultiplyAdd;

    /**
     * @param fusedMultiplyAdd false (the default of {@link #standard()}) keeps every multiply and add
     *                         separate, as the Java backend does, so results compare bit for bit
     */
    public PtxCompiler(Optional<Nvrtc> nvrtc, Optional<Nvcc> nvcc, ContentCache cache, boolean fusedMultiplyAdd) {
        this.nvrtc = nvrtc;
        this.nvcc = nvcc;
        this.cache = cache;
        this.fusedMultiplyAdd = fusedMultiplyAdd;
    }

    public static PtxCompiler standard() {
        return new PtxCompiler(Nvrtc.find(), Nvcc.find(), ContentCache.standard(), false);
    }

    /** Which compiler this machine uses, for messages and cache keys. */
    public String compilerName() {
        if (nvrtc.isPresent()) {
            return "NVRTC " + nvrtc.get().version() + " (" + nvrtc.get().library() + ")";
        }
        if (nvcc.isPresent()) {
            return "nvcc " + nvcc.get().version() + " (" + nvcc.get().executable() + ")";
        }
        return "none";
    }

    /**
     * PTX for compute capability {@code major.minor}.
     *
     * @throws CudaUnavailableException when neither NVRTC nor nvcc is installed
     */
    public String compile(CudaKernelSource kernel, int major, int minor) {
        if (nvrtc.isEmpty() && nvcc.isEmpty()) {
            throw new CudaUnavailableException("neither NVRTC (libnvrtc.so.13 or .so.12 in CUDA_HOME/lib64, "
                    + "LD_LIBRARY_PATH, /usr/local/cuda/lib64) nor nvcc was found: cannot compile CUDA source");
        }
        String arch = "compute_" + major + minor;
        String fmad = "--fmad=" + fusedMultiplyAdd;
        String key = ContentCache.sha256(kernel.source() + "\n" + arch + " " + fmad + "\n" + compilerName());
        Optional<byte[]> hit = cache.read(KIND, key);
        if (hit.isPresent()) {
            return new String(hit.get(), StandardCharsets.UTF_8);
        }
        String ptx = nvrtc.isPresent()
                ? nvrtc.get().compile(kernel.source(), kernel.solverFunction() + ".cu",
                        List.of("--gpu-architecture=" + arch, fmad, "-default-device"))
                : viaNvcc(kernel, arch, fmad);
        // A cache that cannot take it has said so once; the PTX is in memory either way.
        cache.store(KIND, key, ptx.getBytes(StandardCharsets.UTF_8), false);
        return ptx;
    }

    private String viaNvcc(CudaKernelSource kernel, String arch, String fmad) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("odec-ptx");
            Files.writeString(dir.resolve("kernel.cu"), kernel.source(), StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("-ptx", "-arch=" + arch, fmad, "-o", "kernel.ptx", "kernel.cu"));
            Nvcc.Result r = nvcc.orElseThrow().run(args, dir);
            if (r.exitCode() != 0) {
                throw new CudaCompileException("nvcc", r.output(), kernel.source());
            }
            return Files.readString(dir.resolve("kernel.ptx"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("nvcc -ptx: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a leftover temporary directory is harmless
                }
            }
        }
    }
}
