package io.github.odec.compile;

import io.github.odec.runtime.cuda.ContentCache;
import io.github.odec.runtime.spi.CompiledSolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Compiled solver classes on disk, so that a second process (a second {@code odec solve} of the same
 * system and spec) loads them instead of running javac: the {@code java/} folder of the
 * {@link ContentCache} the PTX and cuda-host builds use ({@code $ODEC_CACHE_DIR}, else
 * {@code ~/.cache/odec}), with its guarantees: private folders only, each entry checked against its
 * SHA-256 on every read, written to a temporary file and moved into place atomically; a bad entry
 * is removed and rebuilt, a refused folder means compiling without the disk.
 *
 * <p>The key is the SHA-256 of the source, the javac options and {@link #identity}: odec's version,
 * the JDK's, and the size and modification time of the jars odec runs from (a rebuilt SNAPSHOT keeps
 * its version). Run from class folders (a development build) odec keeps no classes on disk. The entry repeats the identity in its header, so an entry written by another odec is
 * never defined, even under a colliding name.
 *
 * @param identity what the class files depend on besides the source and the options
 */
record SolverClassDisk(ContentCache cache, String identity) {

    static final String KIND = "java";
    private static final String MAGIC = "odec-solver-classes 1";

    /**
     * The process's cache with this odec's identity; none when odec runs from class folders (a
     * development build, the reactor's tests), whose contents can change without their stamp.
     */
    static SolverClassDisk standard() {
        return currentIdentity().map(id -> new SolverClassDisk(ContentCache.standard(), id))
                .orElseGet(() -> new SolverClassDisk(ContentCache.none(), ""));
    }

    String key(SolverClassCache.Request request) {
        return ContentCache.sha256(identity + "\n" + String.join(" ", request.javacOptions()) + "\n"
                + request.binaryName() + "\n" + request.source());
    }

    /** The class files stored under {@code key}, when present, intact and written by this odec. */
    Optional<Map<String, byte[]>> load(String key) {
        return cache.read(KIND, key).flatMap(this::decode);
    }

    void store(String key, Map<String, byte[]> classes) {
        cache.store(KIND, key, encode(classes), false);
    }

    /** A compiler for {@link SolverClassCache}: from disk when it can, else javac, then onto the disk. */
    Class<?> classFor(SolverClassCache.Request request) {
        String key = key(request);
        Map<String, byte[]> classes = load(key).orElseGet(() -> {
            Map<String, byte[]> compiled = InMemoryJavaCompiler.classFiles(request.binaryName(), request.source(),
                    request.javacOptions());
            store(key, compiled);
            return compiled;
        });
        return InMemoryJavaCompiler.load(request.binaryName(), classes);
    }

    byte[] encode(Map<String, byte[]> classes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(identity);
            out.writeInt(classes.size());
            for (var e : classes.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** Empty for anything but an entry of this format and identity, read to its last byte. */
    private Optional<Map<String, byte[]>> decode(byte[] entry) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(identity)) {
                return Optional.empty();
            }
            int count = in.readInt();
            if (count < 1 || count > 1024) {
                return Optional.empty();
            }
            Map<String, byte[]> classes = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    return Optional.empty();
                }
                classes.put(name, in.readNBytes(length));
            }
            return in.available() == 0 ? Optional.of(classes) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** odec's version, the JDK's, and the size and time of the jars odec's classes come from; empty off jars. */
    static Optional<String> currentIdentity() {
        StringBuilder id = new StringBuilder("odec ").append(odecVersion()).append("; java ").append(Runtime.version());
        for (Class<?> c : List.of(SolverClassDisk.class, CompiledSolver.class)) {
            Optional<String> stamp = jarStamp(c);
            if (stamp.isEmpty()) {
                return Optional.empty();
            }
            id.append("; ").append(stamp.get());
        }
        return Optional.of(id.toString());
    }

    private static Optional<String> jarStamp(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p)
                    ? Optional.of(p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis())
                    : Optional.empty();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String odecVersion() {
        Properties p = new Properties();
        try (InputStream in = SolverClassDisk.class.getResourceAsStream("/io/github/odec/pipeline/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // "unknown": the stamps above still tell builds apart
        }
        return p.getProperty("version", "unknown");
    }
}
