package io.github.odec.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.check.GoldenFiles;
import io.github.odec.diag.Diagnostic;
import io.github.odec.diag.DiagnosticRenderer;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import io.github.odec.model.OdeSystem;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Files that check but cannot be differentiated, and the exact diagnostics their Jacobians give:
 * golden/derivative-errors/CODE.ode beside CODE.expected, one file per {@link DeriveError} code.
 */
class NoDerivativeTest {

    private static final Path DIR = GoldenFiles.ROOT.resolve("derivative-errors");

    @TestFactory
    Stream<DynamicTest> golden() {
        return GoldenFiles.find(DIR, ".ode").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            CheckResult checked = Frontend.check(new SourceFile(name, GoldenFiles.read(file)));
            assertTrue(checked.ok(), () -> "the file must check:\n" + checked.render());
            Diagnostics diagnostics = new Diagnostics();
            assertTrue(Differentiation.jacobian(checked.model().orElseThrow().systems().getFirst(), diagnostics).isEmpty());
            String code = name.replace(".ode", "");
            assertTrue(diagnostics.sorted().stream().allMatch(d -> d.code().equals(code)));
            GoldenFiles.check(GoldenFiles.sibling(DIR, file, ".expected"), DiagnosticRenderer.renderAll(diagnostics.sorted()));
        }));
    }

    @Test
    void everyCodeHasAGoldenFile() {
        for (DeriveError e : DeriveError.values()) {
            assertTrue(DIR.resolve(e.code() + ".ode").toFile().isFile(), e.code());
        }
    }

    @Test
    void aParameterUnderFloorHasNoParameterDerivative() {
        OdeSystem s = Models.system("bounce.ode", GoldenFiles.read(DIR.resolve("no-derivative.ode")));
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(Differentiation.parameterJacobian(s, diagnostics).isEmpty());
        Diagnostic d = diagnostics.sorted().getFirst();
        assertEquals("bounce.ode:7:14", d.span().location());
        assertEquals("'floor' has no derivative, but its argument depends on the parameter 'k'; write the pieces"
                + " as a conditional (c ? a : b) to differentiate each one", d.message());
        assertTrue(Differentiation.timeDerivative(s, diagnostics).isPresent(), "nothing there depends on t");
    }

    @Test
    void aSystemBuiltByHandIsNamedWhereItHasNoSource() {
        OdeSystem s = io.github.odec.TestSystems.decay();
        OdeSystem withFloor = new OdeSystem(s.name(), s.states(), s.params(), s.lets(),
                java.util.List.of(new io.github.odec.model.Expr.Call(io.github.odec.model.MathFunction.FLOOR, s.derivatives())));
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(Differentiation.jacobian(withFloor, diagnostics).isEmpty());
        assertEquals("system Decay:1:1", diagnostics.sorted().getFirst().span().location());
    }
}
