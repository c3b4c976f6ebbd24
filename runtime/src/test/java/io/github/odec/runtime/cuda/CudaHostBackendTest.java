package io.github.odec.runtime.cuda;

import io.github.odec.runtime.spi.CudaKernelSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
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

    /** Every slot: the parameters of a dense, adaptive solver. */
    private static final List<Slot> ALL = List.of(Slot.values());

    /**
     * Writes, per instance: yFinal[j] = y0[j] + params[0]; ys[k][j] = evalTimes[k] * (j + 1); counters
     * and step sizes from inputs. The parameter list follows the descriptor, as the generated one does.
     */
    private static String kernel(String real) {
        StringBuilder params = new StringBuilder("const int instance, const size_t N, const int evalCount");
        for (Slot slot : ALL) {
            params.append(", ").append(slot.output() ? "" : "const ").append(slot.element() == Slot.Element.INT ? "int" : "R")
                    .append("* __restrict__ ").append(slot.identifier());
        }
        for (String c : KernelAbi.COEFFICIENTS) {
            params.append(", const R c_").append(c);
        }
        return ("static __host__ __device__ void probe(" + params + ")\n" + """
                {
                    for (int j = 0; j < 2; j++) {
                        yFinal_[j * N + instance] = y0_[j * N + instance] + params_[instance];
                        for (int k = 0; k < evalCount; k++) {
                            ys_[(k * 2 + j) * N + instance] = evalTimes_[k * N + instance] * (R) (j + 1);
                        }
                    }
                    tFinal_[instance] = t1_[instance] + c_safety;
                    status_[instance] = maxSteps_[instance] % 7;
                    fEvals_[instance] = instance;
                    steps_[instance] = maxSteps_[instance];
                    accepted_[instance] = evalCount;
                    rejected_[instance] = 2 * instance;
                    initialized_[instance] = (int) N;
                    hLast_[instance] = dt0_[instance];
                    hMin_[instance] = dtMin_[instance];
                    hMax_[instance] = dtMax_[instance];
                }
                """).replace("R", real);
    }

    @Test
    void everyInputReachesItsInstanceAndEveryOutputComesBack(@TempDir Path cache) {
        CudaHostBackend backend = new CudaHostBackend(PtxCompilerTest.nvcc(), new ContentCache(cache));
        for (Precision p : Precision.values()) {
            SolveBuffers b = new SolveBuffers(5, 2, 1, 3, ControllerCoefficients.integral());
            for (int i = 0; i < 5; i++) {
                b.reals(Slot.Y0)[2 * i] = 10 * i;
                b.reals(Slot.Y0)[2 * i + 1] = 10 * i + 1;
                b.reals(Slot.PARAMS)[i] = 0.5;
                b.reals(Slot.T1)[i] = i;
                b.ints(Slot.MAX_STEPS)[i] = 100 + i;
                b.reals(Slot.DT0)[i] = 0.125 * i;
                b.reals(Slot.DT_MIN)[i] = 0.25 * i;
                b.reals(Slot.DT_MAX)[i] = 0.5 * i;
                for (int k = 0; k < 3; k++) {
                    b.reals(Slot.EVAL_TIMES)[3 * i + k] = i + 0.25 * k;
                }
            }
            backend.solve(new CudaKernelSource(kernel(p == Precision.F64 ? "double" : "float"), "probe", "none", p, ALL), b);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(new double[] {10 * i + 0.5, 10 * i + 1.5}, new double[] {b.reals(Slot.Y_FINAL)[2 * i], b.reals(Slot.Y_FINAL)[2 * i + 1]});
                for (int k = 0; k < 3; k++) {
                    for (int j = 0; j < 2; j++) {
                        assertEquals((i + 0.25 * k) * (j + 1), b.reals(Slot.YS)[(3 * i + k) * 2 + j], "ys " + i + " " + k + " " + j);
                    }
                }
                double expected = p == Precision.F64 ? i + 0.9 : (float) i + (float) 0.9;
                assertEquals(expected, b.reals(Slot.T_FINAL)[i], "the coefficients arrive, narrowed like a Java (float) cast in f32");
                assertEquals((100 + i) % 7, b.ints(Slot.STATUS)[i]);
                assertEquals(i, b.ints(Slot.F_EVALS)[i]);
                assertEquals(100 + i, b.ints(Slot.STEPS)[i]);
                assertEquals(3, b.ints(Slot.ACCEPTED)[i]);
                assertEquals(5, b.ints(Slot.INITIALIZED)[i]);
                assertEquals(2 * i, b.ints(Slot.REJECTED)[i]);
                assertEquals(0.125 * i, b.reals(Slot.H_LAST)[i]);
                assertEquals(0.25 * i, b.reals(Slot.H_MIN)[i]);
                assertEquals(0.5 * i, b.reals(Slot.H_MAX)[i]);
            }
        }
    }

    @Test
    void sourceThatDoesNotCompileIsReportedWithItsLine(@TempDir Path cache) {
        CudaHostBackend backend = new CudaHostBackend(PtxCompilerTest.nvcc(), new ContentCache(cache));
        String broken = kernel("double").replace("tFinal_[instance] = t1_[instance] + c_safety;", "tFinal_[instance] = nope;");
        SolveBuffers b = new SolveBuffers(1, 2, 1, 0, ControllerCoefficients.integral());
        CudaCompileException e = assertThrows(CudaCompileException.class,
                () -> backend.solve(new CudaKernelSource(broken, "probe", "none", Precision.F64, ALL), b));
        assertTrue(e.getMessage().contains("tFinal_[instance] = nope;"), e.getMessage());
    }

    /** A cache odec must not use (here a regular file as its root) costs a warning and a rebuild, not the solve. */
    @Test
    void aRefusedCacheSolvesFromAPrivateFolderThatIsDeletedAfter(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("cache"), "a file");
        List<String> warnings = new ArrayList<>();
        CudaHostBackend backend = new CudaHostBackend(PtxCompilerTest.nvcc(), new ContentCache(notAFolder, warnings::add));
        CudaKernelSource kernel = new CudaKernelSource(kernel("double"), "probe", "none", Precision.F64, ALL);
        Path folder;
        try (CudaHostBackend.Program program = backend.program(kernel)) {
            folder = program.privateFolder().orElseThrow();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertTrue(program.executable().startsWith(folder));
        }
        assertFalse(Files.exists(folder), "the private build is deleted once the solve is done");

        SolveBuffers b = new SolveBuffers(2, 2, 1, 0, ControllerCoefficients.integral());
        b.reals(Slot.Y0)[0] = 3;
        b.reals(Slot.PARAMS)[0] = 0.5;
        backend.solve(kernel, b);
        assertEquals(3.5, b.reals(Slot.Y_FINAL)[0]);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("a file", Files.readString(notAFolder));
    }
}
