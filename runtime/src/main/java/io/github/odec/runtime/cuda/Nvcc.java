package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The nvcc executable: found once (ODEC_NVCC, CUDA_HOME, PATH, /usr/local/cuda), run as a process. */
public final class Nvcc {

    private static final long TIMEOUT_MINUTES = 5;

    private final Path executable;

    private Nvcc(Path executable) {
        this.executable = executable;
    }

    /** nvcc on this machine, if any. */
    public static Optional<Nvcc> find() {
        List<Path> candidates = new ArrayList<>();
        env("ODEC_NVCC").ifPresent(p -> candidates.add(Path.of(p)));
        env("CUDA_HOME").ifPresent(p -> candidates.add(Path.of(p, "bin", "nvcc")));
        env("CUDA_PATH").ifPresent(p -> candidates.add(Path.of(p, "bin", "nvcc")));
        env("PATH").ifPresent(path -> {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "nvcc"));
                }
            }
        });
        candidates.add(Path.of("/usr/local/cuda/bin/nvcc"));
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Nvcc::new);
    }

    /** nvcc, or a clear message saying how to get it. */
    public static Nvcc require() {
        return find().orElseThrow(() -> new CudaUnavailableException(
                "nvcc not found (looked at ODEC_NVCC, CUDA_HOME/bin, CUDA_PATH/bin, PATH and /usr/local/cuda/bin); "
                        + "install the CUDA toolkit or set ODEC_NVCC to the nvcc executable"));
    }

    public Path executable() {
        return executable;
    }

    /** The first line of {@code nvcc --version} that names the release, for cache keys. */
    public String version() {
        Result r = run(List.of("--version"), Path.of(System.getProperty("java.io.tmpdir")));
        return r.output().lines().filter(l -> l.contains("release")).findFirst().orElse(r.output().strip());
    }

    /** Runs nvcc with {@code args} in {@code dir}, returning its exit code and merged output. */
    public Result run(List<String> args, Path dir) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new CudaUnavailableException("nvcc did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CudaUnavailableException("cannot run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CudaUnavailableException("interrupted while running nvcc", e);
        }
    }

    public record Result(int exitCode, String output) {}

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
    }
}
