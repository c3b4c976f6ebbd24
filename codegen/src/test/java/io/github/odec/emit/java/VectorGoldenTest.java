package io.github.odec.emit.java;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The emitted Vector API Java of the small cases of {@link JavaGoldenTest} (the array layout has no SIMD
 * printer), compared as whole files so that a change to the SIMD printer shows up as a readable diff. Rewrite with {@code -Dodec.updateGolden=true} and
 * review the diff.
 */
class VectorGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/vector");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Decay_rk4_fixed_f64_final, decay, rk4, FIXED, F64, false",
            "VanDerPol_dopri5_integral_f64_dense, vdp, dopri5, INTEGRAL, F64, true",
            "Oscillator_bosh3_pi_f32_dense, oscillator, bosh3, PI, F32, true"})
    void emittedSourceMatchesGolden(String file, String system, String method, StepControllerKind controller,
                                    Precision precision, boolean dense) throws IOException {
        OdeSystem s = switch (system) {
            case "decay" -> TestSystems.decay();
            case "vdp" -> TestSystems.vanDerPol();
            default -> TestSystems.oscillator();
        };
        String source = new CompiledSystem(s, Frontend.standardTableaus())
                .vectorJavaSource(new SolverSpec(Method.named(method), controller, precision, dense)).source();
        Path golden = GOLDEN.resolve(file + ".java");
        if (Boolean.getBoolean("odec.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, source, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), source,
                "emitted SIMD Java differs from " + golden + "; rerun with -Dodec.updateGolden=true and review the diff");
    }
}
