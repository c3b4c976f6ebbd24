package io.github.odec.compile;

import io.github.odec.pipeline.InternalCompilerError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class cache compiles each source once, keeps a bounded number of classes, and never keeps a failure. */
class SolverClassCacheTest {

    private final List<String> compiled = new ArrayList<>();

    private SolverClassCache cache(int capacity) {
        return new SolverClassCache(capacity, request -> {
            compiled.add(request.source());
            if (request.source().contains("broken")) {
                throw new InternalCompilerError("does not compile: " + request.binaryName());
            }
            return request.source().length() % 2 == 0 ? Integer.class : Long.class;
        });
    }

    private static SolverClassCache.Request source(String text) {
        return new SolverClassCache.Request("io.github.odec.generated.X", text, List.of());
    }

    @Test
    void theLeastRecentlyUsedClassIsForgottenBeyondTheCapacity() {
        SolverClassCache cache = cache(2);
        cache.get(source("a"));
        cache.get(source("bb"));
        cache.get(source("a"));          // a is now the most recently used
        cache.get(source("ccc"));        // evicts bb
        assertEquals(2, cache.held());
        assertEquals(List.of("a", "bb", "ccc"), compiled);
        cache.get(source("a"));
        assertEquals(3, compiled.size(), "a was kept");
        cache.get(source("bb"));
        assertEquals(List.of("a", "bb", "ccc", "bb"), compiled, "bb was forgotten and compiled again");
    }

    @Test
    void sameSourceSameClassButOptionsArePartOfTheKey() {
        SolverClassCache cache = cache(8);
        assertSame(cache.get(source("dd")), cache.get(source("dd")));
        cache.get(new SolverClassCache.Request("io.github.odec.generated.X", "dd", List.of("--add-modules", "m")));
        assertEquals(List.of("dd", "dd"), compiled);
    }

    @Test
    void aFailureIsNotKept() {
        SolverClassCache cache = cache(8);
        assertThrows(InternalCompilerError.class, () -> cache.get(source("broken")));
        assertThrows(InternalCompilerError.class, () -> cache.get(source("broken")));
        assertEquals(2, compiled.size());
        assertEquals(0, cache.held());
    }
}
