package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.spi.CudaKernelSource;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code cuda-host} backend: runs the exact generated CUDA source on the host. The kernel plus a
 * small harness ({@link CudaHostHarness}) is built once by nvcc without FMA contraction on either side
 * ({@code --fmad=false -Xcompiler -ffp-contract=off -O2}) and cached by content hash; each solve writes
 * the batch to a file, runs the program and reads the outputs back.
 *
 * <p>File format (little-endian): {@code long n; int stateCount, paramCount, evalCount, observeCount; double
 * coefficients[6];} then every input slot of the kernel ({@link CudaKernelSource#slots()}) in order as packed by {@link SoaPacking};
 * the output file holds the output slots in order, packed the same way.
 */
public final class CudaHostBackend implements CudaBackend {

    /** The flags that make host arithmetic match the Java backend: no fused multiply-add anywhere. */
    public static final List<String> FLAGS = List.of("--fmad=false", "-Xcompiler", "-ffp-contract=off", "-O2");
    private static final String KIND = "cuda-host";

    private final Nvcc nvcc;
    private final ContentCache cache;
    private String nvccVersion;

    public CudaHostBackend(Nvcc nvcc, ContentCache cache) {
        this.nvcc = nvcc;
        this.cache = cache;
    }

    /** With the nvcc found on this machine and the standard cache; throws CudaUnavailableException without nvcc. */
    public static CudaHostBackend standard() {
        return new CudaHostBackend(Nvcc.require(), ContentCache.standard());
    }

    @Override
    public void solve(CudaKernelSource kernel, SolveBuffers buffers) {
        Path work = null;
        try (Program built = program(kernel)) {
            Path program = built.executable();
            work = Files.createTempDirectory("odec-cuda-host");
            Path input = work.resolve("input.bin");
            Path output = work.resolve("output.bin");
            writeInput(kernel, buffers, input);
            Process p = new ProcessBuilder(program.toString(), input.toString(), output.toString())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("internal error: the cuda-host program " + program + " failed: " + log);
            }
            readOutput(kernel, buffers, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cuda-host: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the cuda-host program", e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * A built harness: the cache's entry, or, when the cache declined it, the build in its private
     * temporary folder (mode 0700), which closing deletes.
     */
    record Program(Path executable, Optional<Path> privateFolder) implements AutoCloseable {
        @Override
        public void close() {
            privateFolder.ifPresent(CudaHostBackend::deleteTree);
        }
    }

    /** The built harness for this kernel, from the cache or built now. */
    Program program(CudaKernelSource kernel) {
        String source = CudaHostHarness.source(kernel);
        String key = ContentCache.sha256(source + "\n" + String.join(" ", FLAGS) + "\n" + version());
        return cache.lookup(KIND, key).map(p -> new Program(p, Optional.empty())).orElseGet(() -> build(source, key));
    }

    private synchronized String version() {
        if (nvccVersion == null) {
            nvccVersion = nvcc.version();
        }
        return nvccVersion;
    }

    private Program build(String source, String key) {
        Path dir = null;
        boolean keep = false;
        try {
            dir = Files.createTempDirectory("odec-nvcc"); // mode 0700 on POSIX: nobody else can swap the program
            Files.writeString(dir.resolve("harness.cu"), source, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(FLAGS);
            args.addAll(List.of("-o", "harness", "harness.cu"));
            Nvcc.Result r = nvcc.run(args, dir);
            if (r.exitCode() != 0) {
                throw new CudaCompileException("nvcc", r.output(), source);
            }
            Path harness = dir.resolve("harness");
            Optional<Path> stored = cache.store(KIND, key, Files.readAllBytes(harness), true);
            keep = stored.isEmpty();
            return keep ? new Program(harness, Optional.of(dir)) : new Program(stored.get(), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cuda-host build: " + e.getMessage(), e);
        } finally {
            if (!keep) {
                deleteTree(dir);
            }
        }
    }

    private static void writeInput(CudaKernelSource kernel, SolveBuffers b, Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(8 + 16 + 48).order(ByteOrder.LITTLE_ENDIAN);
            header.putLong(b.instances).putInt(b.stateCount).putInt(b.paramCount).putInt(b.evalCount).putInt(b.observeCount);
            for (double c : KernelAbi.coefficients(b)) {
                header.putDouble(c);
            }
            writeFully(ch, header.flip());
            for (Slot slot : kernel.slots()) {
                if (!slot.output()) {
                    ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(
                            SoaPacking.bytes(slot, b, 0, b.instances, kernel.precision())));
                    SoaPacking.pack(slot, b, 0, b.instances, kernel.precision(), data);
                    writeFully(ch, data.flip());
                }
            }
        }
    }

    private static void readOutput(CudaKernelSource kernel, SolveBuffers b, Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Slot slot : kernel.slots()) {
                if (slot.output()) {
                    ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(
                            SoaPacking.bytes(slot, b, 0, b.instances, kernel.precision())));
                    while (data.hasRemaining()) {
                        if (ch.read(data) < 0) {
                            throw new IOException("the cuda-host program wrote a short output file");
                        }
                    }
                    SoaPacking.unpack(slot, b, 0, b.instances, kernel.precision(), data.flip());
                }
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            ch.write(data);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
