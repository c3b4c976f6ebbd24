package io.github.odec.emit.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.cuda.Nvcc;
import io.github.odec.runtime.spi.SolverSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every standard method, in f64 and f32, for five systems (Van der Pol, Lorenz, Lorenz 96 with 8
 * components unrolled and with 40 in the array layout, a pendulum full of transcendental calls) compiles
 * to PTX for sm_80 and sm_90 without a single warning.
 *
 * <p>The generated files are made to be concatenated (a guarded preamble, a static solver and a
 * kernel named after the case), so the cases go to nvcc as three translation units per architecture,
 * run side by side: nvcc's start-up and its CUDA headers then cost three times, not seventy. A
 * {@code #line} directive before each case keeps nvcc's messages naming the case's own file. The f32
 * cases that call sinf/cosf have a unit of their own, so that every other f32 unit's whole PTX must be
 * free of double-precision instructions, exactly as when each file was compiled alone.
 */
class CudaPtxCompileTest {

    /** A double-precision PTX instruction (.f64 type suffix), which an f32 kernel must not contain. */
    private static final Pattern DOUBLE_INSTRUCTION = Pattern.compile("\\.f64\\b");
    /** A floating-point literal without the f suffix, or the double type: a silent promotion in f32. */
    private static final Pattern DOUBLE_IN_SOURCE = Pattern.compile("\\bdouble\\b|\\b\\d+\\.\\d+(E-?\\d+)?(?![\\dEf])");

    /** @param callsSinCos CUDA's sinf and cosf reduce huge arguments in double inside libdevice: not ours */
    private record Case(String file, Precision precision, boolean callsSinCos, String source) {}

    /** One translation unit: its cases, and whether its PTX must be free of double instructions. */
    private record Unit(String name, List<Case> cases, boolean singleOnly) {}

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sm_80", "sm_90"})
    void everyMethodCompilesToPtx(String arch, @TempDir Path dir) throws IOException {
        Nvcc nvcc = NvccRequirement.nvcc();
        List<Case> cases = cases();
        assertEquals(7 * 5 * 2, cases.size());
        for (Case c : cases) {
            if (c.precision() == Precision.F32) {
                String solver = c.source().substring(c.source().indexOf("#endif"));
                assertFalse(DOUBLE_IN_SOURCE.matcher(solver).find(), c.file() + ": f32 source names a double");
            }
        }
        List<Unit> units = List.of(
                unit("f64", cases, c -> c.precision() == Precision.F64, false),
                unit("f32", cases, c -> c.precision() == Precision.F32 && !c.callsSinCos(), true),
                unit("f32_sincos", cases, c -> c.precision() == Precision.F32 && c.callsSinCos(), false));
        assertEquals(cases.size(), units.stream().mapToInt(u -> u.cases().size()).sum());
        List<CompletableFuture<Nvcc.Result>> runs = new ArrayList<>();
        for (Unit u : units) {
            StringBuilder text = new StringBuilder();
            for (Case c : u.cases()) {
                text.append("#line 1 \"").append(c.file()).append(".cu\"\n").append(c.source()).append('\n');
            }
            Files.writeString(dir.resolve(u.name() + ".cu"), text, StandardCharsets.UTF_8);
            List<String> args = List.of("-ptx", "-arch=" + arch, "--fmad=false", "-Werror", "all-warnings", u.name() + ".cu");
            runs.add(CompletableFuture.supplyAsync(() -> nvcc.run(args, dir)));
        }
        for (int k = 0; k < units.size(); k++) {
            Nvcc.Result r = runs.get(k).join();
            Unit u = units.get(k);
            assertEquals(0, r.exitCode(), () -> "nvcc failed on " + u.name() + ":\n" + r.output());
            Path ptx = dir.resolve(u.name() + ".ptx");
            assertTrue(Files.isRegularFile(ptx), "no PTX for " + u.name());
            String text = Files.readString(ptx, StandardCharsets.UTF_8);
            for (Case c : u.cases()) {
                assertTrue(text.contains(".visible .entry " + kernelName(c) + "("), c.file() + ": no kernel entry in the PTX");
            }
            if (u.singleOnly()) {
                assertFalse(DOUBLE_INSTRUCTION.matcher(text).find(), u.name() + ": an f32 kernel uses double arithmetic");
            }
        }
    }

    private static Unit unit(String name, List<Case> cases, Predicate<Case> member, boolean singleOnly) {
        return new Unit(name, cases.stream().filter(member).toList(), singleOnly);
    }

    /** The kernel's name as the source declares it (extern "C": unmangled in the PTX). */
    private static String kernelName(Case c) {
        var m = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(").matcher(c.source());
        assertTrue(m.find(), c.file() + ": no kernel in the source");
        return m.group(1);
    }

    private static List<Case> cases() {
        List<OdeSystem> systems = List.of(TestSystems.vanDerPol(), TestSystems.lorenz(), TestSystems.lorenz96(8),
                CudaTestSystems.forcedPendulum(), TestSystems.lorenz96(40));
        List<Case> cases = new ArrayList<>();
        for (int s = 0; s < systems.size(); s++) {
            CompiledSystem compiled = new CompiledSystem(systems.get(s), Frontend.standardTableaus());
            for (Tableau t : Frontend.standardTableaus()) {
                for (Precision p : Precision.values()) {
                    StepControllerKind controller = !t.adaptive() ? StepControllerKind.FIXED
                            : p == Precision.F64 ? StepControllerKind.INTEGRAL : StepControllerKind.PID;
                    SolverSpec spec = new SolverSpec(Method.named(t.name()), controller, p, s % 2 == 0);
                    String file = systems.get(s).name() + "_" + t.name() + "_" + p.name().toLowerCase();
                    cases.add(new Case(file, p, systems.get(s).name().equals("ForcedPendulum"),
                            compiled.cudaSource(spec).source()));
                }
            }
        }
        return cases;
    }
}
