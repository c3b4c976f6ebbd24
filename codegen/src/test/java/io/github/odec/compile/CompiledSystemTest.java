package io.github.odec.compile;

import io.github.odec.pipeline.InternalCompilerError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.model.Component;
import io.github.odec.model.Expr;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledSystemTest {

    private static final SolverSpec DOPRI5 = new SolverSpec(Method.DOPRI5, StepControllerKind.INTEGRAL, Precision.F64, true);

    @Test
    void layoutHasNamesAndNaNForMissingDefaults() {
        OdeSystem s = new OdeSystem("Arr", List.of(new Component("u", 0, 2, true, List.of()),
                new Component("w", 2, 1, false, List.of(3.0))), List.of(new Component("k", 0, 1, false, List.of())),
                List.of(), List.of(new Expr.StateRef(1), new Expr.StateRef(0), new Expr.ParamRef(0)));
        var layout = new CompiledSystem(s, Frontend.standardTableaus()).layout();
        assertEquals(List.of("u[0]", "u[1]", "w"), layout.stateNames());
        assertTrue(Double.isNaN(layout.stateDefaults().get(0)));
        assertEquals(3.0, layout.stateDefaults().get(2));
        assertEquals(List.of("k"), layout.paramNames());
        assertTrue(Double.isNaN(layout.paramDefaults().get(0)));
        // Array elements become identifier-safe locals, and the class compiles.
        assertTrue(new CompiledSystem(s, Frontend.standardTableaus()).javaSource(DOPRI5).source().contains("double y_u_1 ="));
        new CompiledSystem(s, Frontend.standardTableaus()).solver(DOPRI5);
    }

    /** A state named like a CSE temporary ({@code k1_v0}) still gets a local of its own. */
    @Test
    void generatedNamesNeverClash() {
        Expr x = new Expr.StateRef(0);
        Expr v0 = new Expr.StateRef(1);
        Expr shared = new Expr.Binary(Expr.BinaryOp.MUL, x, v0);
        OdeSystem s = new OdeSystem("Names", List.of(new Component("x", 0, 1, false, List.of(1.0)),
                new Component("v0", 1, 1, false, List.of(1.0))), List.of(), List.of(),
                List.of(new Expr.Unary(Expr.UnaryOp.NEG, shared), new Expr.Binary(Expr.BinaryOp.SUB, shared, shared)));
        CompiledSolver solver = new CompiledSystem(s, Frontend.standardTableaus())
                .solver(new SolverSpec(Method.RK4, StepControllerKind.FIXED, Precision.F64, false));
        var b = io.github.odec.TestBatch.create(1, 2, 0, 0);
        io.github.odec.TestBatch.set(b, 0, new double[] {1.0, 2.0}, 0.0, 1.0);
        b.reals(Slot.DT0)[0] = 0.01;
        solver.solve(b, 0, 1);
        // v0 stays 2 (its derivative is exactly 0); x' = -2x.
        assertEquals(2.0, b.reals(Slot.Y_FINAL)[1]);
        assertEquals(Math.exp(-2.0), b.reals(Slot.Y_FINAL)[0], 1e-8, "rk4 at h = 0.01: error ~ 1e-9");
    }

    @Test
    void solverAndSignatureAreCachedPerSpecAndClassesPerSource() {
        CompiledSystem a = new CompiledSystem(TestSystems.lorenz(), Frontend.standardTableaus());
        SolverSpec spec = new SolverSpec(Method.BOSH3, StepControllerKind.PID, Precision.F32, false);
        CompiledSolver first = a.solver(spec);
        assertSame(first, a.solver(spec));
        assertEquals(spec, first.signature().spec());
        assertEquals(3, first.signature().errorOrder(), "1 + min(3, 2)");
        assertEquals(List.of("x", "y", "z"), first.signature().layout().stateNames());
        int classes = SolverClassCache.size();
        CompiledSolver second = new CompiledSystem(TestSystems.lorenz(), Frontend.standardTableaus()).solver(spec);
        assertSame(first.getClass(), second.getClass(), "same source, same class");
        assertEquals(classes, SolverClassCache.size());
    }

    @Test
    void unknownMethodListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> new CompiledSystem(TestSystems.decay(),
                Frontend.standardTableaus()).solver(new SolverSpec(Method.named("rk45"), StepControllerKind.INTEGRAL, Precision.F64, false)));
        assertEquals("unknown method 'rk45'; did you mean 'rk4'? known methods: euler, midpoint, rk4, heun, bosh3, dopri5, tsit5, rosenbrock23, rodas4, rodas5p", e.getMessage());
    }

    @Test
    void adaptiveControllerNeedsEmbeddedWeights() {
        var e = assertThrows(IllegalArgumentException.class, () -> new CompiledSystem(TestSystems.decay(),
                Frontend.standardTableaus()).solver(new SolverSpec(Method.RK4, StepControllerKind.PI, Precision.F64, false)));
        assertTrue(e.getMessage().contains("'rk4'") && e.getMessage().contains("use FIXED"), e.getMessage());
    }

    @Test
    void fromAModel() {
        OdeModel model = new OdeModel("m.ode", List.of(TestSystems.decay()), Frontend.standardTableaus(), Frontend.standardRosenbrocks());
        assertEquals("Decay", new CompiledSystem(model, "Decay").layout().systemName());
        var e = assertThrows(IllegalArgumentException.class, () -> new CompiledSystem(model, "Nope"));
        assertEquals("no system 'Nope' in m.ode; it defines: Decay", e.getMessage());
    }

    @Test
    void generatedCodeThatDoesNotCompileIsAnInternalErrorShowingTheLine() {
        String source = "package io.github.odec.generated;\nfinal class Broken {\n    int x = undefined + 1;\n}\n";
        var e = assertThrows(InternalCompilerError.class,
                () -> InMemoryJavaCompiler.compile("io.github.odec.generated.Broken", source));
        assertTrue(e.getMessage().startsWith("internal error: odec generated Java that does not compile"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3: ") && e.getMessage().contains("int x = undefined + 1;"), e.getMessage());
    }
}
