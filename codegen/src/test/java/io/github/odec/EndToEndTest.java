package io.github.odec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.diag.SourceFile;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import org.junit.jupiter.api.Test;

/** The whole pipeline as a user drives it: .ode text, checked model, CompiledSystem, Batch, Solution. */
class EndToEndTest {

    private static final String OSCILLATOR = """
            // x'' = -w^2 x: x(t) = x0 cos(w (t - t0)) for v0 = 0
            system Oscillator {
                state x = 1.0, v = 0.0;
                param w = 1.0;
                x' = v;
                v' = -w^2 * x;
            }
            """;

    private static CompiledSystem oscillator() {
        CheckResult checked = Frontend.check(new SourceFile("oscillator.ode", OSCILLATOR));
        assertTrue(checked.ok(), checked.render());
        return new CompiledSystem(checked.model().orElseThrow(), "Oscillator");
    }

    @Test
    void perInstanceParametersSpansAndTolerancesThroughTheRuntimeApi() {
        CompiledSystem system = oscillator();
        int n = 64;
        Batch batch = new Batch(system.layout(), n).span(0.0, 5.0).evalTimesEvenlySpaced(21).rtol(1e-10).atol(1e-12);
        for (int i = 0; i < n; i++) {
            batch.param("w", i, 0.5 + 0.05 * i).state("x", i, 1.0 + i);
            if (i % 3 == 0) {
                batch.span(i, 1.0, -4.0); // backwards
            }
        }
        for (var options : new SolverOptions[] {
                SolverOptions.defaults(),
                SolverOptions.defaults().withMethod(Method.TSIT5).withController(StepControllerKind.PID),
                SolverOptions.defaults().withMethod(Method.RK4).withController(StepControllerKind.FIXED).withDt0(1e-3)}) {
            Solution s = Solver.cpu().solve(system, batch, options);
            assertEquals(n, s.count(Status.SUCCESS), options.toString());
            for (int i = 0; i < n; i++) {
                double w = 0.5 + 0.05 * i;
                double t0 = i % 3 == 0 ? 1.0 : 0.0;
                for (int k = 0; k < 21; k++) {
                    double t = s.evalTime(i, k);
                    // rtol 1e-10 over five radians (or rk4 with dt 1e-3: error ~ 1e-12 * w^4 * t): 1e-7 relative is
                    // two orders of magnitude above the global error of each method here.
                    assertEquals((1.0 + i) * Math.cos(w * (t - t0)), s.value(i, k, "x"), 1e-7 * (1.0 + i),
                            options.method() + " instance " + i + " t " + t);
                }
            }
        }
    }

    @Test
    void badInputNamesTheArgumentAndTheInstance() {
        CompiledSystem system = oscillator();
        Batch batch = new Batch(system.layout(), 3).span(0.0, 1.0).evalTimes(0.5, 0.25);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Solver.cpu().solve(system, batch));
        assertTrue(e.getMessage().contains("evalTimes at index 1 is 0.25 after 0.5"), e.getMessage());
    }
}
