package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.diag.SourceFile;
import io.github.odec.model.Component;
import io.github.odec.model.Event;
import io.github.odec.model.ExplicitRungeKutta;
import io.github.odec.model.Expr;
import io.github.odec.model.Method;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Rational;
import io.github.odec.model.Rosenbrock;
import io.github.odec.model.Tableau;
import io.github.odec.pipeline.DiagnosticException;
import io.github.odec.pipeline.MethodLookup;
import io.github.odec.pipeline.RequestError;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the checked model holds, read through its records rather than through printed text. */
class FrontendTest {

    private static OdeModel model(String text) {
        CheckResult result = Frontend.check(new SourceFile("test.ode", text));
        assertTrue(result.ok(), result::render);
        return result.model().orElseThrow();
    }

    @Test
    void eventsBecomeARootFunctionACrossingAndOneActionInSourceOrder() {
        OdeSystem s = model("""
                system Ball {
                    const N = 2;
                    state h = 10, v = 0, u[N];
                    param g = 9.81, e = 0.8;
                    let energy = g * h + v ^ 2 / 2;
                    h' = v; v' = -g;
                    for i in 0..N { u[i]' = -u[i]; }
                    event apex when v crosses 0 falling;
                    event bounce when h crosses 0 falling { v = -e * v; u[N - 1] = h + t; }
                    event level when energy crosses 2 * g terminate;
                    event late when t crosses u[1] rising;
                }
                """).system("Ball").orElseThrow();
        assertEquals(List.of("apex", "bounce", "level", "late"), s.eventNames());
        assertEquals(List.of(Event.Crossing.FALLING, Event.Crossing.FALLING, Event.Crossing.EITHER, Event.Crossing.RISING),
                s.events().stream().map(Event::crossing).toList());
        assertEquals(new Event.Action.Record(), s.events().get(0).action());
        assertEquals(new Event.Action.Terminate(), s.events().get(2).action());
        // g = A - B and the reset values, evaluated at t = 0.5, y = (h, v, u0, u1) = (3, -4, 5, 7).
        double t = 0.5;
        double[] y = {3, -4, 5, 7};
        double[] p = {9.81, 0.8};
        List<Expr> gs = s.events().stream().map(Event::g).toList();
        double[] g = ModelEvaluator.evaluate(s.lets(), gs, t, y, p);
        assertEquals(-4, g[0]);
        assertEquals(3, g[1]);
        assertEquals(9.81 * 3 + 16 / 2.0 - 2 * 9.81, g[2], 1e-12);
        assertEquals(0.5 - 7, g[3]);
        var reset = (Event.Action.Reset) s.events().get(1).action();
        assertEquals(List.of(1, 3), reset.assignments().stream().map(Event.Assignment::state).toList());
        double[] values = ModelEvaluator.evaluate(s.lets(), reset.assignments().stream().map(Event.Assignment::value).toList(), t, y, p);
        assertEquals(0.8 * 4, values[0], 1e-15);
        assertEquals(3.5, values[1]);
    }

    @Test
    void flatLayoutFollowsDeclarationOrderAndDefaultsBroadcast() {
        OdeSystem s = model("""
                system S {
                    const N = 2 + 1;
                    state a = 1, u[N] = 0.5, b;
                    param k[2] = [3, 4], g = 9.81;
                    a' = 0; b' = 0;
                    for i in 0..N { u[i]' = -k[i % 2] * u[i]; }
                }
                """).system("S").orElseThrow();
        assertEquals(List.of("a", "u[0]", "u[1]", "u[2]", "b"), s.stateNames());
        assertEquals(List.of("k[0]", "k[1]", "g"), s.paramNames());
        assertEquals(new Component("u", 1, 3, true, List.of(0.5, 0.5, 0.5)), s.states().get(1));
        assertFalse(s.states().get(2).hasDefaults());
        assertEquals(List.of(3.0, 4.0), s.params().get(0).defaults());
        // u[2]' = -k[2 % 2] * u[2]: the index folded to parameter 0, the state to flat index 3.
        assertEquals(new Expr.Binary(Expr.BinaryOp.MUL, new Expr.Unary(Expr.UnaryOp.NEG, new Expr.ParamRef(0)),
                new Expr.StateRef(3)), s.derivatives().get(3));
    }

    @Test
    void constantsPiAndLoopVariablesFoldToNumbersAndRemainderIsFloored() {
        OdeSystem s = model("""
                system S {
                    const N = 4;
                    state u[N];
                    for i in 0..N { u[i]' = u[(i - 1) % N] * pi + i; }
                }
                """).system("S").orElseThrow();
        // u[0]' uses u[-1 % 4] = u[3], as Python's and Julia's mod would.
        assertEquals(new Expr.Binary(Expr.BinaryOp.ADD,
                new Expr.Binary(Expr.BinaryOp.MUL, new Expr.StateRef(3), new Expr.Num(Math.PI)), new Expr.Num(0)),
                s.derivatives().get(0));
    }

    @Test
    void letsInLoopsAreOnePerIterationAndReferencedByIndex() {
        OdeSystem s = model("""
                system S {
                    state u[2];
                    let scale = 2;
                    for i in 0..2 { let d = scale * u[i]; u[i]' = d; }
                }
                """).system("S").orElseThrow();
        assertEquals(List.of("scale", "d[i=0]", "d[i=1]"), s.lets().stream().map(b -> b.name()).toList());
        assertEquals(new Expr.LetRef(2), s.derivatives().get(1));
        assertEquals(new Expr.Binary(Expr.BinaryOp.MUL, new Expr.LetRef(0), new Expr.StateRef(1)), s.lets().get(2).value());
    }

    @Test
    void tableauCoefficientsStayExact() {
        Tableau t = model("""
                tableau mine {
                    order 2; embedded 1;
                    c = 0, 1.0;
                    a[1] = 10/10;
                    b = -0.5/-1, 5e-1;
                    bhat = 0.9, 0.1;
                }
                """).tableau("mine").orElseThrow();
        assertEquals(Rational.ONE, t.c().get(1));
        assertEquals(List.of(Rational.of(1, 2), Rational.of(1, 2)), t.b());
        assertEquals(List.of(Rational.of(9, 10), Rational.of(1, 10)), t.bhat().orElseThrow());
        assertEquals(OptionalInt.of(1), t.embeddedOrder());
        assertEquals(List.of(List.of(), List.of(Rational.ONE)), t.a());
    }

    @Test
    void modelTableausAreTheStandardLibraryThenTheFilesOwn() {
        OdeModel m = model("tableau mine { order 1; c = 0; b = 1; }");
        List<String> names = m.tableaus().stream().map(Tableau::name).toList();
        assertEquals(Frontend.standardTableaus().size() + 1, names.size());
        assertEquals("mine", names.getLast());
        assertTrue(names.containsAll(List.of("euler", "midpoint", "rk4", "heun", "bosh3")));
    }

    @Test
    void methodLookupFindsATableauOrListsTheKnownNames() {
        OdeModel m = model("tableau mine { order 1; c = 0; b = 1; }");
        assertEquals("rk4", MethodLookup.find(m, "rk4").name());
        assertEquals("mine", MethodLookup.find(m, "mine").name());
        DiagnosticException e = assertThrows(DiagnosticException.class, () -> MethodLookup.find(m, "rk5"));
        assertEquals(RequestError.UNKNOWN_METHOD, e.code());
        assertTrue(e.getMessage().startsWith("unknown method 'rk5'; did you mean 'rk4'? known methods: euler,"), e.getMessage());
        assertTrue(assertThrows(DiagnosticException.class, () -> MethodLookup.find(m, "verner9")).getMessage()
                .startsWith("unknown method 'verner9'; known methods: euler,"));
        assertTrue(e.getMessage().contains(", mine"), e.getMessage());
    }

    @Test
    void methodLookupFindsRosenbrockMethodsOfTheLibraryAndTheFile() {
        OdeModel m = model("rosenbrock linearEuler { order 1; gamma = 1; b = 1; }");
        assertEquals(List.of("rosenbrock23", "rodas4", "rodas5p", "linearEuler"),
                m.rosenbrocks().stream().map(Rosenbrock::name).toList());
        assertTrue(MethodLookup.method(m, "rodas4") instanceof Rosenbrock r && r.order() == 4 && r.stages() == 6);
        assertTrue(MethodLookup.method(m, "linearEuler") instanceof Rosenbrock r && r.gamma().equals(Rational.ONE));
        assertTrue(MethodLookup.method(m, "dopri5") instanceof ExplicitRungeKutta erk && erk.tableau().order() == 5);
        assertEquals(m.method("rodas5p"), m.rosenbrock("rodas5p").map(r -> (Method) r));
        DiagnosticException e = assertThrows(DiagnosticException.class, () -> MethodLookup.method(m, "rodas"));
        assertEquals(RequestError.UNKNOWN_METHOD, e.code());
        assertTrue(e.getMessage().startsWith("unknown method 'rodas'; did you mean 'rodas4'? known methods: euler,"), e.getMessage());
        assertTrue(e.getMessage().endsWith(", tsit5, rosenbrock23, rodas4, rodas5p, linearEuler"), e.getMessage());
    }

    @Test
    void aRosenbrockMethodAndATableauShareOneNamespace() {
        CheckResult r = Frontend.check(new SourceFile("same.ode",
                "tableau twice { order 1; c = 0; b = 1; }\nrosenbrock twice { order 1; gamma = 1; b = 1; }\n"));
        assertFalse(r.ok());
        assertEquals("rosenbrock method 'twice' is already declared at line 1", r.diagnostics().getFirst().message());
    }

    @Test
    void spellingSuggestsOnlyNamesWithinATypo() {
        assertEquals(3, Spelling.distance("kitten", "sitting"));
        assertEquals(java.util.Optional.of("sin"), Spelling.closest("sine", List.of("sin", "sinh", "cos")));
        assertEquals(java.util.Optional.empty(), Spelling.closest("frobnicate", List.of("sin", "cos")));
    }

    @Test
    void standardLibraryChecksAndHasItsAdvertisedMethods() {
        List<Tableau> std = Frontend.standardTableaus();
        Tableau bosh3 = std.stream().filter(t -> t.name().equals("bosh3")).findFirst().orElseThrow();
        assertEquals(3, bosh3.order());
        assertEquals(OptionalInt.of(2), bosh3.embeddedOrder());
        assertTrue(bosh3.fsal());
        assertEquals(4, bosh3.stages());
        Tableau rk4 = std.stream().filter(t -> t.name().equals("rk4")).findFirst().orElseThrow();
        assertFalse(rk4.adaptive());
        assertEquals(Rational.of(1, 6), rk4.b().getFirst());
    }

    @Test
    void aModelIsAbsentWhenThereIsAnyErrorAndAllErrorsAreKept() {
        CheckResult r = Frontend.check(new SourceFile("bad.ode", """
                system S { state x; x' = y; }
                system T { state z; z' = w; }
                """));
        assertFalse(r.ok());
        assertEquals(List.of("unknown-identifier", "unknown-identifier"), r.diagnostics().stream().map(d -> d.code()).toList());
        assertEquals(2, r.errorCount());
    }
}
