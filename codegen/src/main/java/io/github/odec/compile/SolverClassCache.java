package io.github.odec.compile;

import io.github.odec.emit.java.JavaSolverSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide cache of compiled solver classes, keyed by the SHA-256 of their source: the same
 * source is compiled once however many systems or factories ask for it.
 */
public final class SolverClassCache {

    private static final ConcurrentHashMap<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private SolverClassCache() {}

    public static Class<?> classFor(JavaSolverSource source) {
        String key = sha256(source.source());
        return CLASSES.computeIfAbsent(key, k -> InMemoryJavaCompiler.compile(source.binaryName(), source.source()));
    }

    /** A class compiled with extra javac options (part of the key). */
    public static Class<?> classFor(JavaSolverSource source, java.util.List<String> javacOptions) {
        String key = sha256(String.join(" ", javacOptions) + "\n" + source.source());
        return CLASSES.computeIfAbsent(key,
                k -> InMemoryJavaCompiler.compile(source.binaryName(), source.source(), javacOptions));
    }

    /** Number of distinct classes compiled so far (for tests of the cache). */
    public static int size() {
        return CLASSES.size();
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
