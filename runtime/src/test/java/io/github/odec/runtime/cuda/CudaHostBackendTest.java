package io.github.odec.runtime.cuda;

import io.github.odec.runtime.spi.CudaKernelSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.SolveBuffers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cuda-host plumbing with a hand-written kernel that follows KernelAbi (no solver): every input
 * reaches the right instance and element, every output comes back, in both precisions.
 */
class CudaHostBackendTest {

    /** Writes, per instance: yFinal[j] = y0[j] + params[0]; ys[k][j] = evalTimes[k] * (j + 1); counters from inputs. */
    private static String kernel(String real) {
        return """
                static __host__ __device__ void probe(const int instance, const size_t N, const int evalCount,
                    const R* __restrict__ y0, const R* __restrict__ params, const R* __restrict__ t0_, const R* __restrict__ t1_,
                    const R* __restrict__ evalTimes, const R* __restrict__ atol_, const R* __restrict__ rtol_,
                    const R* __restrict__ dt0_, const R* __restrict__ dtMin_, const R* __restrict__ dtMax_,
                    const int* __restrict__ maxSteps_, R* __restrict__ ys, R* __restrict__ yFinal, R* __restrict__ tFinal,
                    int* __restrict__ status_, int* __restrict__ fEvals_, int* __restrict__ steps_, int* __restrict__ accepted_,
                    int* __restrict__ initialized_, const R c_safety, const R c_factorMin, const R c_factorMax,
                    const R c_pcoeff, const R c_icoeff, const R c_dcoeff)
                {
                    for (int j = 0; j < 2; j++) {
                        yFinal[j * N + instance] = y0[j * N + instance] + params[instance];
                        for (int k = 0; k < evalCount; k++) {
                            ys[(k * 2 + j) * N + instance] = evalTimes[k * N + instance] * (R) (j + 1);
                        }
                    }
                    tFinal[instance] = t1_[instance] + c_safety;
                    status_[instance] = maxSteps_[instance] % 7;
                    fEvals_[instance] = instance;
                    steps_[instance] = maxSteps_[instance];
                    accepted_[instance] = evalCount;
                    initialized_[instance] = (int) N;
                }
                """.replace("R", real);
    }

    @Test
    void everyInputReachesItsInstanceAndEveryOutputComesBack(@TempDir Path cache) {
        CudaHostBackend backend = new CudaHostBackend(PtxCompilerTest.nvcc(), new ContentCache(cache));
        for (Precision p : Precision.values()) {
            SolveBuffers b = new SolveBuffers(5, 2, 1, 3, ControllerCoefficients.integral());
            for (int i = 0; i < 5; i++) {
                b.y0[2 * i] = 10 * i;
                b.y0[2 * i + 1] = 10 * i + 1;
                b.params[i] = 0.5;
                b.t1[i] = i;
                b.maxSteps[i] = 100 + i;
                for (int k = 0; k < 3; k++) {
                    b.evalTimes[3 * i + k] = i + 0.25 * k;
                }
            }
            backend.solve(new CudaKernelSource(kernel(p == Precision.F64 ? "double" : "float"), "probe", "none", p), b);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(new double[] {10 * i + 0.5, 10 * i + 1.5}, new double[] {b.yFinal[2 * i], b.yFinal[2 * i + 1]});
                for (int k = 0; k < 3; k++) {
                    for (int j = 0; j < 2; j++) {
                        assertEquals((i + 0.25 * k) * (j + 1), b.ys[(3 * i + k) * 2 + j], "ys " + i + " " + k + " " + j);
                    }
                }
                double expected = p == Precision.F64 ? i + 0.9 : (float) i + (float) 0.9;
                assertEquals(expected, b.tFinal[i], "the coefficients arrive, narrowed like a Java (float) cast in f32");
                assertEquals((100 + i) % 7, b.status[i]);
                assertEquals(i, b.fEvals[i]);
                assertEquals(100 + i, b.steps[i]);
                assertEquals(3, b.accepted[i]);
                assertEquals(5, b.initialized[i]);
            }
        }
    }

    @Test
    void sourceThatDoesNotCompileIsReportedWithItsLine(@TempDir Path cache) {
        CudaHostBackend backend = new CudaHostBackend(PtxCompilerTest.nvcc(), new ContentCache(cache));
        String broken = kernel("double").replace("tFinal[instance] = t1_[instance] + c_safety;", "tFinal[instance] = nope;");
        SolveBuffers b = new SolveBuffers(1, 2, 1, 0, ControllerCoefficients.integral());
        CudaCompileException e = assertThrows(CudaCompileException.class,
                () -> backend.solve(new CudaKernelSource(broken, "probe", "none", Precision.F64), b));
        assertTrue(e.getMessage().contains("tFinal[instance] = nope;"), e.getMessage());
    }

    /** A cache odec must not use (here a regular file as its root) costs a warning and a rebuild, not the solve. */
    @Test
    void aRefusedCacheSolvesFromAPrivateFolderThatIsDeletedAfter(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("cache"), "a file");
        List<String> warnings = new ArrayList<>();
        CudaHostBackend backend = new CudaHostBackend(PtxCompilerTest.nvcc(), new ContentCache(notAFolder, warnings::add));
        CudaKernelSource kernel = new CudaKernelSource(kernel("double"), "probe", "none", Precision.F64);
        Path folder;
        try (CudaHostBackend.Program program = backend.program(kernel)) {
            folder = program.privateFolder().orElseThrow();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertTrue(program.executable().startsWith(folder));
        }
        assertFalse(Files.exists(folder), "the private build is deleted once the solve is done");

        SolveBuffers b = new SolveBuffers(2, 2, 1, 0, ControllerCoefficients.integral());
        b.y0[0] = 3;
        b.params[0] = 0.5;
        backend.solve(kernel, b);
        assertEquals(3.5, b.yFinal[0]);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("a file", Files.readString(notAFolder));
    }
}
