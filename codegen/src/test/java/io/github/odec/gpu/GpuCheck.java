package io.github.odec.gpu;

import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.cuda.CudaDevice;
import io.github.odec.runtime.cuda.CudaDeviceBackend;
import io.github.odec.runtime.cuda.PtxCompiler;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The check scripts/gpu-check.sh runs on a machine with a GPU (not a test: CI has none).
 * Part 1 solves sample batches with the CUDA backend and the Java backend and prints how far apart
 * they are (bit-identical expected for fixed steps on polynomial dynamics, since both avoid FMA).
 * Parts 2 and 3 ({@link GpuComparison}) time the DiffEqGPU Lorenz ensemble (u0 = (1, 0, 0), t in (0, 1),
 * rho = linspace(0, 21, N), sigma = 10, beta = 8/3, f32, tsit5 with fixed dt = 0.001 and adaptive atol = rtol =
 * 1e-8, end state only, N = 2^10 .. 2^maxLog, argument 1, default 23; the CPU backend up to 2^16) and
 * torchode's Van der Pol batch ({@link TorchodeVanDerPol}) in f64 and f32 on both backends, with steps per
 * instance and the largest difference between them.
 * Times are wall-clock per solve call, including host-side transposition and copies, and (kernel) the
 * launch-to-synchronize time alone: the median of several runs after warm-up solves (which pay the compile).
 * Argument 2, when given, is a CSV file that receives one {@link ComparisonCsv} row per case, N and backend.
 */
public final class GpuCheck {

    private GpuCheck() {}

    public static void main(String[] args) {
        int maxLog = args.length > 0 ? Integer.parseInt(args[0]) : 23;
        ComparisonCsv csv = new ComparisonCsv(args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty());
        CudaDevice device;
        try {
            device = CudaDevice.get();
        } catch (CudaUnavailableException e) {
            System.out.println("GPU CHECK NOT RUN: " + e.getMessage());
            System.exit(2);
            return;
        }
        PtxCompiler compiler = PtxCompiler.standard();
        System.out.printf("device: %s (compute %d.%d); compiler: %s%n", device.name(), device.major(), device.minor(),
                compiler.compilerName());
        CudaDeviceBackend gpu = new CudaDeviceBackend(device, compiler);
        boolean ok = agreement(gpu);
        GpuComparison comparison = new GpuComparison(gpu, gpu::lastKernelNanos, GpuComparison.Plan.device(maxLog), csv);
        comparison.lorenzEnsemble();
        ok &= comparison.vanDerPolBatch();
        System.out.println(ok ? "GPU CHECK PASSED" : "GPU CHECK FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static boolean agreement(CudaDeviceBackend gpu) {
        System.out.println("== CUDA vs Java backend (1000 instances each)");
        record Case(OdeSystem system, String method, StepControllerKind controller, Precision p, boolean dense,
                    boolean identical) {}
        Case[] cases = {
                new Case(TestSystems.vanDerPol(), "rk4", StepControllerKind.FIXED, Precision.F64, true, true),
                new Case(TestSystems.lorenz(), "euler", StepControllerKind.FIXED, Precision.F64, false, true),
                new Case(TestSystems.vanDerPol(), "rk4", StepControllerKind.FIXED, Precision.F32, false, true),
                new Case(TestSystems.vanDerPol(), "dopri5", StepControllerKind.INTEGRAL, Precision.F64, true, false),
                new Case(TestSystems.lorenz(), "tsit5", StepControllerKind.PI, Precision.F64, false, false),
                new Case(TestSystems.lorenz(), "tsit5", StepControllerKind.INTEGRAL, Precision.F32, true, false),
                new Case(TestSystems.oscillator(), "bosh3", StepControllerKind.PID, Precision.F32, true, false)};
        boolean ok = true;
        for (Case c : cases) {
            CompiledSystem compiled = new CompiledSystem(c.system(), Frontend.standardTableaus());
            SolverSpec spec = new SolverSpec(Method.named(c.method()), c.controller(), c.p(), c.dense());
            SolveBuffers cpu = batch(c.system(), c.controller(), c.dense() ? 10 : 0);
            SolveBuffers dev = batch(c.system(), c.controller(), c.dense() ? 10 : 0);
            compiled.solver(spec).solve(cpu, 0, cpu.instances);
            gpu.solve(compiled.cudaSource(spec), dev);
            double worst = 0;
            int differing = 0;
            for (double[][] pair : new double[][][] {{cpu.reals(Slot.Y_FINAL), dev.reals(Slot.Y_FINAL)}, {cpu.reals(Slot.YS), dev.reals(Slot.YS)}, {cpu.reals(Slot.T_FINAL), dev.reals(Slot.T_FINAL)}}) {
                for (int k = 0; k < pair[0].length; k++) {
                    if (Double.doubleToLongBits(pair[0][k]) != Double.doubleToLongBits(pair[1][k])) {
                        differing++;
                        worst = Math.max(worst, Math.abs(pair[0][k] - pair[1][k]) / Math.max(1, Math.abs(pair[0][k])));
                    }
                }
            }
            boolean sameStatus = Arrays.equals(cpu.ints(Slot.STATUS), dev.ints(Slot.STATUS));
            boolean pass = sameStatus && (c.identical() ? differing == 0 : worst <= (c.p() == Precision.F64 ? 1e-9 : 1e-3));
            ok &= pass;
            System.out.printf("%-4s %-10s %-7s %-8s %s: %d values differ, worst scaled difference %.3g, status %s%n",
                    pass ? "ok" : "FAIL", c.system().name(), c.method(), c.controller(), c.p(), differing, worst,
                    sameStatus ? "equal" : "DIFFERENT");
        }
        return ok;
    }

    private static SolveBuffers batch(OdeSystem s, StepControllerKind controller, int evalCount) {
        int n = 1000;
        SolveBuffers b = TestBatch.create(n, s.stateCount(), s.paramCount(), evalCount);
        for (int i = 0; i < n; i++) {
            double[] y0 = new double[s.stateCount()];
            Arrays.fill(y0, 1.0 + 0.001 * i);
            double[] p = new double[s.paramCount()];
            Arrays.fill(p, 2.0 + 0.01 * i);
            TestBatch.set(b, i, y0, 0.0, 2.0, p);
            b.reals(Slot.DT0)[i] = controller == StepControllerKind.FIXED ? 0.001 : 0.0;
        }
        return b;
    }

}
