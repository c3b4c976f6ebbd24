package io.github.odec.runtime.cuda;

import io.github.odec.runtime.spi.CudaKernelSource;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.odec.runtime.Precision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The java.lang.foreign NVRTC binding, where a libnvrtc is installed (skipped elsewhere). */
class NvrtcTest {

    static final String KERNEL = """
            __host__ __device__ inline float twice(float x) { return 2.0f * x; }
            extern "C" __global__ void scale(const unsigned long long n, float* __restrict__ y)
            {
                const unsigned long long i = (unsigned long long) blockIdx.x * blockDim.x + threadIdx.x;
                if (i < n) {
                    y[i] = twice(sinf(y[i]));
                }
            }
            """;

    @Test
    void searchesTheCudaFoldersForBothMajorVersions() {
        List<String> names = Nvrtc.candidates().stream().map(p -> p.toString()).toList();
        assertTrue(names.contains("/usr/local/cuda/lib64/libnvrtc.so.13"));
        assertTrue(names.contains("/usr/local/cuda/lib64/libnvrtc.so.12"));
        assertTrue(names.indexOf("/usr/local/cuda/lib64/libnvrtc.so.13") < names.indexOf("/usr/local/cuda/lib64/libnvrtc.so.12"));
    }

    @Test
    void compilesAKernelToPtx() {
        Optional<Nvrtc> nvrtc = Nvrtc.find();
        assumeTrue(nvrtc.isPresent(), "no libnvrtc on this machine");
        String ptx = nvrtc.get().compile(KERNEL, "scale.cu", List.of("--gpu-architecture=compute_80", "--fmad=false"));
        assertTrue(ptx.contains(".visible .entry scale"), ptx);
    }

    @Test
    void aCompileErrorQuotesTheGeneratedLine() {
        Optional<Nvrtc> nvrtc = Nvrtc.find();
        assumeTrue(nvrtc.isPresent(), "no libnvrtc on this machine");
        CudaCompileException e = assertThrows(CudaCompileException.class,
                () -> nvrtc.get().compile(KERNEL.replace("twice(sinf", "thrice(sinf"), "scale.cu", List.of()));
        assertTrue(e.getMessage().contains("generated line 6: y[i] = thrice(sinf(y[i]));"), e.getMessage());
    }

    static CudaKernelSource kernel(String source) {
        return new CudaKernelSource(source, "twice", "scale", Precision.F32);
    }
}
