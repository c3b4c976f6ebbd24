package io.github.odec.lower.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestBatch;
import io.github.odec.compile.SolverClassCache;
import io.github.odec.emit.cuda.CudaSolverEmitter;
import io.github.odec.emit.cuda.NvccRequirement;
import io.github.odec.emit.java.JavaSolverEmitter;
import io.github.odec.emit.java.JavaVectorSolverEmitter;
import io.github.odec.ir.pass.IfConversion;
import io.github.odec.ir.Argument;
import io.github.odec.ir.Ir;
import io.github.odec.ir.Local;
import io.github.odec.ir.Procedure;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.SolverFunction;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.lower.StateLayout;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.cuda.ContentCache;
import io.github.odec.runtime.cuda.CudaHostBackend;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSignature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dense LU solve lowered to IR, printed by every backend, on a batch of A x = b (one system per
 * instance, read from PARAMS: A row-major, then b; x written to Y_FINAL). Instances cycle through
 * three kinds so that neighbouring SIMD lanes need different pivots: diagonally dominant (no row
 * swap), Gaussian random (swaps wherever the data says), and a diagonally dominant matrix with its
 * rows rotated by one, so that most diagonal entries (and always a_00) are exactly zero: without a
 * per-instance pivot it divides by zero.
 *
 * <p>b = A x_true in double for a known x_true, and the computed x is held to the forward-error bound
 * of a backward-stable solve, |x - x_true| / |x_true| <= 4 n eps cond(A) (infinity norms; cond from
 * Hipparchus' inverse), plus the f64 rounding of b itself. The Vector API solver is bit-identical
 * to the scalar one (LOCALS: the layout it prints), and the CUDA source built for the host by nvcc
 * without FMA contraction is bit-identical too: the solve is + - * /, abs, compares and selects only.
 */
class DenseLuTest {

    private static final ContentCache CACHE = new ContentCache(Path.of("target", "odec-cache"));
    private static final int INSTANCES = 37;   // not a multiple of any lane count

    @ParameterizedTest(name = "n={0} {1} {2}")
    @CsvSource({"1, LOCALS, F64", "2, LOCALS, F64", "3, LOCALS, F64", "5, LOCALS, F64", "8, LOCALS, F64",
            "1, ARRAYS, F64", "2, ARRAYS, F64", "3, ARRAYS, F64", "5, ARRAYS, F64", "8, ARRAYS, F64",
            "3, LOCALS, F32", "8, LOCALS, F32", "5, ARRAYS, F32", "8, ARRAYS, F32"})
    void solvesEveryInstanceOnEveryBackend(int n, StateLayout layout, Precision precision) throws Exception {
        SolverFunction f = solverFunction(n, layout, precision);
        Random random = new Random(1000L * n + layout.ordinal());
        double[][][] a = new double[INSTANCES][][];
        double[][] xTrue = new double[INSTANCES][];
        SolveBuffers java = TestBatch.create(INSTANCES, n, n * n + n, 0);
        for (int i = 0; i < INSTANCES; i++) {
            a[i] = matrix(n, i % 3, random);
            xTrue[i] = new double[n];
            for (int r = 0; r < n; r++) {
                xTrue[i][r] = random.nextDouble() * 2 - 1;
            }
            double[] p = new double[n * n + n];
            for (int r = 0; r < n; r++) {
                double b = 0;
                for (int c = 0; c < n; c++) {
                    p[r * n + c] = a[i][r][c];
                    b += a[i][r][c] * xTrue[i][c];
                }
                p[n * n + r] = b;
            }
            TestBatch.set(java, i, new double[n], 0.0, 1.0, p);
        }
        SolveBuffers simd = copy(java, n);
        SolveBuffers cuda = copy(java, n);

        compile(JavaSolverEmitter.emit(f), List.of()).solve(java, 0, INSTANCES);
        double eps = precision == Precision.F64 ? 0x1p-53 : 0x1p-24;
        double worst = 0;
        for (int i = 0; i < INSTANCES; i++) {
            double[] x = new double[n];
            System.arraycopy(java.reals(Slot.Y_FINAL), i * n, x, 0, n);
            RealMatrix m = MatrixUtils.createRealMatrix(a[i]);
            double cond = m.getNorm1() * MatrixUtils.inverse(m).getNorm1();   // of A^T: the same cond_inf
            double error = 0;
            double size = 0;
            for (int r = 0; r < n; r++) {
                error = Math.max(error, Math.abs(x[r] - xTrue[i][r]));
                size = Math.max(size, Math.abs(xTrue[i][r]));
            }
            double bound = 4 * n * (eps + 0x1p-53) * cond;
            double relative = error / size;
            worst = Math.max(worst, relative / bound);
            int instance = i;
            assertTrue(relative <= bound, () -> "instance " + instance + " (kind " + instance % 3 + "): error "
                    + relative + " > " + bound + " (cond " + cond + ")");
        }

        System.out.printf("dense LU n=%d %s %s: largest error / bound %.3g%n", n, layout, precision, worst);
        if (layout == StateLayout.LOCALS) {
            compile(JavaVectorSolverEmitter.emit(IfConversion.apply(f)), List.of("--add-modules", "jdk.incubator.vector"))
                    .solve(simd, 0, INSTANCES);
            assertArrayEquals(java.reals(Slot.Y_FINAL), simd.reals(Slot.Y_FINAL), "SIMD differs from scalar");
        }
        new CudaHostBackend(NvccRequirement.nvcc(), CACHE).solve(CudaSolverEmitter.emit(f), cuda);
        assertArrayEquals(java.reals(Slot.Y_FINAL), cuda.reals(Slot.Y_FINAL), "cuda-host differs from Java");
    }

    /** Loads A and b, factors, solves, stores x: inline over locals, or through the LU procedures over arrays. */
    private static SolverFunction solverFunction(int n, StateLayout layout, Precision precision) {
        StatementBuilder out = new StatementBuilder();
        LocalMatrix a = LocalMatrix.declare(out, layout, "a", n, n);
        LocalMatrix piv = LocalMatrix.declare(out, layout, "piv", n, 1);
        LocalMatrix b = LocalMatrix.declare(out, layout, "b", n, 1);
        DenseIndex zero = DenseIndex.of(0);
        for (int r = 0; r < n; r++) {
            DenseIndex row = DenseIndex.of(r);
            int base = r * n;
            a.forRange(out, "j", 0, n, (s, c) -> a.set(s, row, c, Ir.load(Slot.PARAMS, switch (c) {
                case DenseIndex.Constant(int k) -> Ir.integer(base + k);
                case DenseIndex.Loop l -> base == 0 ? l.expr() : Ir.add(Ir.integer(base), l.expr());
            })));
            b.set(out, row, zero, Ir.load(Slot.PARAMS, Ir.integer(n * n + r)));
        }
        List<Procedure> procedures = new ArrayList<>();
        if (layout == StateLayout.ARRAYS) {
            Procedure factor = DenseLu.factorProcedure(n);
            Procedure solve = DenseLu.solveProcedure(n);
            procedures.addAll(List.of(factor, solve));
            LocalMatrix.Array aa = (LocalMatrix.Array) a;
            LocalMatrix.Array pp = (LocalMatrix.Array) piv;
            LocalMatrix.Array bb = (LocalMatrix.Array) b;
            out.add(factor.call(new Argument.Array(aa.array()), new Argument.Array(pp.array())));
            out.add(solve.call(new Argument.Array(aa.array()), new Argument.Array(pp.array()),
                    new Argument.Array(bb.array())));
        } else {
            DenseLu.factor(out, a, piv);
            DenseLu.solve(out, a, piv, b);
        }
        for (int r = 0; r < n; r++) {
            out.store(Slot.Y_FINAL, Ir.integer(r), b.get(DenseIndex.of(r), zero));
        }
        String name = "solve_lu" + n + "_" + layout.name().toLowerCase() + "_" + precision.name().toLowerCase();
        // Only the slots it touches: the kernel takes two pointers, the harness moves two slots.
        return new SolverFunction(name, precision, new Local("instance", ScalarType.INT), out.build(), procedures,
                List.of(Slot.PARAMS, Slot.Y_FINAL));
    }

    /** kind 0: diagonally dominant; 1: Gaussian; 2: dominant with rows rotated (zero diagonal where n > 1). */
    private static double[][] matrix(int n, int kind, Random random) {
        double[][] m = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m[r][c] = kind == 1 ? random.nextGaussian() : (r == c ? n + 1 + random.nextDouble() : 0.5 * random.nextDouble());
            }
        }
        if (kind == 2 && n > 1) {
            double[][] rotated = new double[n][];
            for (int r = 0; r < n; r++) {
                rotated[r] = m[(r + 1) % n];
                // zero where the rotated dominant row would sit on the diagonal: pivoting is required
                rotated[r][r] = 0.0;
            }
            return rotated;
        }
        return m;
    }

    private static SolveBuffers copy(SolveBuffers from, int n) {
        SolveBuffers to = TestBatch.create(INSTANCES, n, n * n + n, 0);
        System.arraycopy(from.reals(Slot.PARAMS), 0, to.reals(Slot.PARAMS), 0, from.reals(Slot.PARAMS).length);
        return to;
    }

    private static CompiledSolver compile(io.github.odec.emit.java.JavaSolverSource source, List<String> options)
            throws ReflectiveOperationException {
        Class<?> c = SolverClassCache.classFor(source, options);
        return (CompiledSolver) c.getConstructor(SolverSignature.class).newInstance((SolverSignature) null);
    }
}
