package io.github.odec.emit.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Tableau;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every standard method, in f64 and f32, for five systems (Van der Pol, Lorenz, Lorenz 96 with 8
 * components unrolled and with 40 in the array layout, a pendulum full of transcendental calls) compiles to PTX for sm_80 and sm_90 without
 * a single warning. The files go to nvcc in two batches per architecture, run side by side.
 */
class CudaPtxCompileTest {

    /** A double-precision PTX instruction (.f64 type suffix), which an f32 kernel must not contain. */
    private static final Pattern DOUBLE_INSTRUCTION = Pattern.compile("\\.f64\\b");
    /** A floating-point literal without the f suffix, or the double type: a silent promotion in f32. */
    private static final Pattern DOUBLE_IN_SOURCE = Pattern.compile("\\bdouble\\b|\\b\\d+\\.\\d+(E-?\\d+)?(?![\\dEf])");

    /** @param callsSinCos CUDA's sinf and cosf reduce huge arguments in double inside libdevice: not ours */
    private record Case(String file, Precision precision, boolean callsSinCos) {}

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sm_80", "sm_90"})
    void everyMethodCompilesToPtx(String arch, @TempDir Path dir) throws IOException {
        Nvcc nvcc = NvccRequirement.nvcc();
        List<Case> cases = writeSources(dir);
        List<List<Case>> halves = List.of(cases.subList(0, cases.size() / 2), cases.subList(cases.size() / 2, cases.size()));
        List<CompletableFuture<Nvcc.Result>> runs = new ArrayList<>();
        for (List<Case> half : halves) {
            List<String> args = new ArrayList<>(List.of("-ptx", "-arch=" + arch, "--fmad=false", "-Werror", "all-warnings"));
            half.forEach(c -> args.add(c.file() + ".cu"));
            runs.add(CompletableFuture.supplyAsync(() -> nvcc.run(args, dir)));
        }
        for (CompletableFuture<Nvcc.Result> run : runs) {
            Nvcc.Result r = run.join();
            assertEquals(0, r.exitCode(), () -> "nvcc failed:\n" + r.output());
        }
        for (Case c : cases) {
            Path ptx = dir.resolve(c.file() + ".ptx");
            assertTrue(Files.isRegularFile(ptx), "no PTX for " + c.file());
            String text = Files.readString(ptx, StandardCharsets.UTF_8);
            assertTrue(text.contains(".visible .entry"), c.file() + ": no kernel entry in the PTX");
            if (c.precision() == Precision.F32) {
                String source = Files.readString(dir.resolve(c.file() + ".cu"), StandardCharsets.UTF_8);
                String solver = source.substring(source.indexOf("#endif"));
                assertFalse(DOUBLE_IN_SOURCE.matcher(solver).find(), c.file() + ": f32 source names a double");
                if (!c.callsSinCos()) {
                    assertFalse(DOUBLE_INSTRUCTION.matcher(text).find(), c.file() + ": f32 kernel uses double arithmetic");
                }
            }
        }
        assertEquals(7 * 5 * 2, cases.size());
    }

    private static List<Case> writeSources(Path dir) throws IOException {
        List<OdeSystem> systems = List.of(TestSystems.vanDerPol(), TestSystems.lorenz(), TestSystems.lorenz96(8),
                CudaTestSystems.forcedPendulum(), TestSystems.lorenz96(40));
        List<Case> cases = new ArrayList<>();
        for (int s = 0; s < systems.size(); s++) {
            CompiledSystem compiled = new CompiledSystem(systems.get(s), Frontend.standardTableaus());
            for (Tableau t : Frontend.standardTableaus()) {
                for (Precision p : Precision.values()) {
                    StepControllerKind controller = !t.adaptive() ? StepControllerKind.FIXED
                            : p == Precision.F64 ? StepControllerKind.INTEGRAL : StepControllerKind.PID;
                    SolverSpec spec = new SolverSpec(t.name(), controller, p, s % 2 == 0);
                    String file = systems.get(s).name() + "_" + t.name() + "_" + p.name().toLowerCase();
                    Files.writeString(dir.resolve(file + ".cu"), compiled.cudaSource(spec).source(), StandardCharsets.UTF_8);
                    cases.add(new Case(file, p, systems.get(s).name().equals("ForcedPendulum")));
                }
            }
        }
        return cases;
    }
}
