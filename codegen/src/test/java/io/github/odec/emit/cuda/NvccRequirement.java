package io.github.odec.emit.cuda;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.odec.runtime.cuda.Nvcc;
import java.util.Optional;

/**
 * nvcc for tests: a machine without it skips them, unless ODEC_REQUIRE_NVCC=1 (CI) makes that a failure,
 * so that a CI image that lost its toolkit cannot pass silently.
 */
public final class NvccRequirement {

    private NvccRequirement() {}

    public static Nvcc nvcc() {
        Optional<Nvcc> found = Nvcc.find();
        if (found.isEmpty()) {
            if ("1".equals(System.getenv("ODEC_REQUIRE_NVCC"))) {
                fail("ODEC_REQUIRE_NVCC=1 but nvcc was not found (ODEC_NVCC, CUDA_HOME, PATH, /usr/local/cuda/bin)");
            }
            assumeTrue(false, "nvcc not found: CUDA compile tests skipped (set ODEC_REQUIRE_NVCC=1 to fail instead)");
        }
        return found.orElseThrow();
    }
}
