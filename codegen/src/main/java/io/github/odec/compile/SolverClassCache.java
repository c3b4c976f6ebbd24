package io.github.odec.compile;

import io.github.odec.emit.java.JavaSolverSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Process-wide cache of compiled solver classes, keyed by the SHA-256 of their source: the same
 * source is compiled once however many systems or factories ask for it, and not at all when an
 * earlier process left its class files on disk ({@link SolverClassDisk}).
 *
 * <p>It holds at most {@link #CAPACITY} classes and forgets the least recently used beyond that, so
 * that a long-running process that compiles system after system does not keep every class (and its
 * class loader) alive. A forgotten class stays usable by whoever holds it, and is unloaded once
 * nobody does. Each source is compiled outside the lock, once, however many threads ask for it.
 */
public final class SolverClassCache {

    /** Distinct solver classes kept: one system's whole method × controller × precision × output matrix is 224. */
    static final int CAPACITY = 512;

    /** In memory first, then the disk ({@link SolverClassDisk}), then javac. */
    private static final SolverClassCache SHARED = new SolverClassCache(CAPACITY, SolverClassDisk.standard()::classFor);

    /** What to compile: the key is the options and the source. */
    record Request(String binaryName, String source, List<String> javacOptions) {}

    private final Map<String, CompletableFuture<Class<?>>> classes;
    private final Function<Request, Class<?>> compiler;

    SolverClassCache(int capacity, Function<Request, Class<?>> compiler) {
        this.compiler = compiler;
        this.classes = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Class<?>>> eldest) {
                return size() > capacity;
            }
        };
    }

    public static Class<?> classFor(JavaSolverSource source) {
        return classFor(source, List.of());
    }

    /** A class compiled with extra javac options (part of the key). */
    public static Class<?> classFor(JavaSolverSource source, List<String> javacOptions) {
        return SHARED.get(new Request(source.binaryName(), source.source(), javacOptions));
    }

    /** Number of distinct classes the shared cache holds now (for tests of the cache). */
    public static int size() {
        return SHARED.held();
    }

    Class<?> get(Request request) {
        String key = sha256(String.join(" ", request.javacOptions()) + "\n" + request.source());
        CompletableFuture<Class<?>> mine = new CompletableFuture<>();
        CompletableFuture<Class<?>> existing;
        synchronized (classes) {
            existing = classes.putIfAbsent(key, mine);
        }
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Class<?> type = compiler.apply(request);
            mine.complete(type);
            return type;
        } catch (RuntimeException | Error e) {
            // A failure is not kept: the next caller compiles again (and gets the same message).
            synchronized (classes) {
                classes.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    int held() {
        synchronized (classes) {
            return classes.size();
        }
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
