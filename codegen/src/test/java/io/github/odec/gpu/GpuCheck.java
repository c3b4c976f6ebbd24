package io.github.odec.gpu;

import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.cuda.CudaDevice;
import io.github.odec.runtime.cuda.CudaDeviceBackend;
import io.github.odec.runtime.cuda.CudaUnavailableException;
import io.github.odec.runtime.cuda.PtxCompiler;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.Arrays;

/**
 * The check scripts/gpu-check.sh runs on a machine with a GPU (not a test: CI has none).
 * Part 1 solves sample batches with the CUDA backend and the Java backend and prints how far apart
 * they are (bit-identical expected for fixed steps on polynomial dynamics, since both avoid FMA).
 * Part 2 times the DiffEqGPU Lorenz ensemble: u0 = (1, 0, 0), t in (0, 1), rho = linspace(0, 21, N),
 * sigma = 10, beta = 8/3, f32, tsit5 with fixed dt = 0.001 and adaptive atol = rtol = 1e-8, end state
 * only, N = 2^10 .. 2^maxLog (argument 1, default 23). Times are wall-clock per solve call, including
 * host-side transposition and copies, and (kernel) the launch-to-synchronize time alone, after one
 * warm-up solve (which pays the compile).
 */
public final class GpuCheck {

    private GpuCheck() {}

    public static void main(String[] args) {
        int maxLog = args.length > 0 ? Integer.parseInt(args[0]) : 23;
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
        lorenzEnsemble(gpu, maxLog);
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
            SolverSpec spec = new SolverSpec(c.method(), c.controller(), c.p(), c.dense());
            SolveBuffers cpu = batch(c.system(), c.controller(), c.dense() ? 10 : 0);
            SolveBuffers dev = batch(c.system(), c.controller(), c.dense() ? 10 : 0);
            compiled.solver(spec).solve(cpu, 0, cpu.instances);
            gpu.solve(compiled.cudaSource(spec), dev);
            double worst = 0;
            int differing = 0;
            for (double[][] pair : new double[][][] {{cpu.yFinal, dev.yFinal}, {cpu.ys, dev.ys}, {cpu.tFinal, dev.tFinal}}) {
                for (int k = 0; k < pair[0].length; k++) {
                    if (Double.doubleToLongBits(pair[0][k]) != Double.doubleToLongBits(pair[1][k])) {
                        differing++;
                        worst = Math.max(worst, Math.abs(pair[0][k] - pair[1][k]) / Math.max(1, Math.abs(pair[0][k])));
                    }
                }
            }
            boolean sameStatus = Arrays.equals(cpu.status, dev.status);
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
            b.dt0[i] = controller == StepControllerKind.FIXED ? 0.001 : 0.0;
        }
        return b;
    }

    private static void lorenzEnsemble(CudaDeviceBackend gpu, int maxLog) {
        System.out.println("== DiffEqGPU Lorenz ensemble, f32, tsit5, end state only (ms per solve, incl. transfers)");
        CompiledSystem lorenz = new CompiledSystem(TestSystems.lorenz(), Frontend.standardTableaus());
        var fixed = lorenz.cudaSource(new SolverSpec("tsit5", StepControllerKind.FIXED, Precision.F32, false));
        var adaptive = lorenz.cudaSource(new SolverSpec("tsit5", StepControllerKind.INTEGRAL, Precision.F32, false));
        gpu.solve(fixed, ensemble(1024, true));
        gpu.solve(adaptive, ensemble(1024, false));
        System.out.printf("%10s %14s %12s %14s %12s %16s%n", "N", "fixed dt=1e-3", "(kernel)", "adaptive 1e-8",
                "(kernel)", "adaptive steps");
        for (int log = 10; log <= maxLog; log++) {
            int n = 1 << log;
            SolveBuffers f = ensemble(n, true);
            long t0 = System.nanoTime();
            gpu.solve(fixed, f);
            long t1 = System.nanoTime();
            long fixedKernel = gpu.lastKernelNanos();
            SolveBuffers a = ensemble(n, false);
            long t2 = System.nanoTime();
            gpu.solve(adaptive, a);
            long t3 = System.nanoTime();
            double meanSteps = Arrays.stream(a.steps).average().orElse(0);
            System.out.printf("%10d %14.2f %12.2f %14.2f %12.2f %16.1f%n", n, (t1 - t0) / 1e6, fixedKernel / 1e6,
                    (t3 - t2) / 1e6, gpu.lastKernelNanos() / 1e6, meanSteps);
        }
    }

    private static SolveBuffers ensemble(int n, boolean fixed) {
        SolveBuffers b = TestBatch.create(n, 3, 3, 0);
        for (int i = 0; i < n; i++) {
            double rho = n == 1 ? 0 : 21.0 * i / (n - 1);
            TestBatch.set(b, i, new double[] {1, 0, 0}, 0.0, 1.0, 10.0, rho, 8.0 / 3.0);
            b.dt0[i] = fixed ? 0.001 : 0.0;
            b.atol[i] = 1e-8;
            b.rtol[i] = 1e-8;
            b.maxSteps[i] = 1_000_000;
        }
        return b;
    }
}
