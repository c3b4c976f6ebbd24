package io.github.odec.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.SolverSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each printer (Java, Java over the Vector API, CUDA) emits for a few small cases, the last in
 * the array layout of larger systems (no SIMD printer for it), compared as whole files so that a
 * change to lowering or printing shows up as a readable diff; the same cases for every printer, so
 * their files can be read side by side. Rewrite with {@code -Dodec.updateGolden=true} and review the diff.
 */
class PrinterGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    enum Printer {
        JAVA("java", ".java", (c, spec) -> c.javaSource(spec).source()),
        VECTOR("vector", ".java", (c, spec) -> c.vectorJavaSource(spec).source()),
        CUDA("cuda", ".cu", (c, spec) -> c.cudaSource(spec).source());

        final String directory;
        final String suffix;
        final BiFunction<CompiledSystem, SolverSpec, String> print;

        Printer(String directory, String suffix, BiFunction<CompiledSystem, SolverSpec, String> print) {
            this.directory = directory;
            this.suffix = suffix;
            this.print = print;
        }
    }

    record Case(String file, String system, String method, StepControllerKind controller, Precision precision,
                boolean dense) {
        OdeSystem model() {
            return switch (system) {
                case "decay" -> TestSystems.decay();
                case "vdp" -> TestSystems.vanDerPol();
                case "lorenz96" -> TestSystems.lorenz96(9);   // the array layout: local arrays, f as a procedure
                default -> TestSystems.oscillator();
            };
        }

        boolean arrayLayout() {
            return system.equals("lorenz96");
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("Decay_rk4_fixed_f64_final", "decay", "rk4", StepControllerKind.FIXED, Precision.F64, false),
            new Case("VanDerPol_dopri5_integral_f64_dense", "vdp", "dopri5", StepControllerKind.INTEGRAL,
                    Precision.F64, true),
            new Case("Oscillator_bosh3_pi_f32_dense", "oscillator", "bosh3", StepControllerKind.PI, Precision.F32, true),
            new Case("Lorenz96_9_dopri5_integral_f64_dense", "lorenz96", "dopri5", StepControllerKind.INTEGRAL,
                    Precision.F64, true));

    static Stream<Arguments> cases() {
        return Arrays.stream(Printer.values()).flatMap(p -> CASES.stream()
                .filter(c -> p != Printer.VECTOR || !c.arrayLayout())
                .map(c -> Arguments.of(p, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void emittedSourceMatchesGolden(Printer printer, Case c) throws IOException {
        String source = printer.print.apply(new CompiledSystem(c.model(), Frontend.standardTableaus()),
                new SolverSpec(Method.named(c.method()), c.controller(), c.precision(), c.dense()));
        Path golden = GOLDEN.resolve(printer.directory).resolve(c.file() + printer.suffix);
        if (Boolean.getBoolean("odec.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, source, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), source,
                printer + " source differs from " + golden + "; rerun with -Dodec.updateGolden=true and review the diff");
    }
}
