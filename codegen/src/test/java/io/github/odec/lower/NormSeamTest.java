package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.div;
import static io.github.odec.ir.Ir.max;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.TestBatch;
import io.github.odec.check.Frontend;
import io.github.odec.pipeline.MethodLookup;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.Method;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A second error norm, the max norm, where it and RMS disagree about the same trial. */
class NormSeamTest {

    /** max_j |e_j| / (atol + rtol max(|y_j|, |ynew_j|)). */
    record MaxNorm() implements ErrorNorm {
        @Override
        public Local ratio(StatementBuilder out, SolveState s, Components components, Trial trial) {
            SolveState.ErrorControl tol = s.control().orElseThrow();
            return out.real("ratio", norm(out, components, "errMax", "err", (b, j) -> div(trial.error(j),
                    add(read(tol.atol()), mul(read(tol.rtol()), max(abs(s.y().get(j)), abs(trial.state().get(j))))))));
        }

        @Override
        public IrExpr norm(StatementBuilder out, Components components, String sum, String term,
                BiFunction<StatementBuilder, ComponentIndex, IrExpr> scaled) {
            Local largest = out.real(sum, real(0.0));
            components.forEach(out, (b, j) -> b.assign(largest, max(read(largest), abs(scaled.apply(b, j)))));
            return read(largest);
        }
    }

    /** Heun's error on a' = 2t is h^2 exactly, on b' = 0 it is 0: max ratio h^2 / atol, RMS that over sqrt(2). */
    private static final OdeSystem PAIR = SeamRuns.system("system Pair { state a = 0.0; state b = 0.0; a' = 2 * t; b' = 0.0; }");

    /** With atol = 0.01: h = 0.11 gives 1.21 (max, rejected) and 0.856 (RMS, accepted). */
    @ParameterizedTest(name = "h={0} max accepts {1}, rms accepts {2}, {3}")
    @CsvSource({
            "0.05, true, true, LOCALS",
            "0.11, false, true, LOCALS",
            "0.11, false, true, ARRAYS",
            "0.13, false, false, LOCALS"})
    void theNormsDecideTheFirstStepDifferently(double h, boolean maxAccepts, boolean rmsAccepts, StateLayout layout) {
        SolverSpec spec = new SolverSpec(io.github.odec.runtime.Method.named("heun"), StepControllerKind.PID, Precision.F64, false);
        Method heun = Method.of(MethodLookup.find(Frontend.standardTableaus(), "heun"));
        SolveBuffers max = SeamRuns.solve(PAIR, spec, layout, SolverSeams.standard(heun, spec).withNorm(new MaxNorm()),
                firstStep(h));
        SolveBuffers rms = SeamRuns.solve(PAIR, spec, layout, SolverSeams.standard(heun, spec), firstStep(h));
        assertEquals(maxAccepts ? 1 : 0, max.ints(Slot.ACCEPTED)[0], "max norm");
        assertEquals(rmsAccepts ? 1 : 0, rms.ints(Slot.ACCEPTED)[0], "RMS norm");
        assertEquals(maxAccepts ? h : 0.0, max.reals(Slot.T_FINAL)[0]);
        assertEquals(rmsAccepts ? h : 0.0, rms.reals(Slot.T_FINAL)[0]);
        assertEquals(rmsAccepts ? h * h : 0.0, rms.reals(Slot.Y_FINAL)[0], 1e-16);
    }

    private static final OdeSystem GROWTH = SeamRuns.system(
            "system Growth { state a = 1.0; state b = 0.0; a' = a; b' = 0.0; }");

    /**
     * Hairer's initial step measures with the solver's norm. From (1, 0) with atol = 1, rtol = 0:
     * d0 = d1 = 1 (max) or 1/sqrt(2) (RMS), so h0 = 0.01; the Euler probe gives d2 = 1 or 1/sqrt(2);
     * h = (0.01 / max(d1, d2))^(1/2) is 0.1 under the max norm and (0.01 sqrt(2))^(1/2) = 0.11892 under RMS.
     * The one step it takes is accepted (Heun's error is about h^2 / 2, far below atol), so it ends at t = h.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"LOCALS", "ARRAYS"})
    void theInitialStepIsMeasuredWithTheSolversNorm(StateLayout layout) {
        SolverSpec spec = new SolverSpec(io.github.odec.runtime.Method.named("heun"), StepControllerKind.PID, Precision.F64, false);
        Method heun = Method.of(MethodLookup.find(Frontend.standardTableaus(), "heun"));
        SolveBuffers max = SeamRuns.solve(GROWTH, spec, layout, SolverSeams.standard(heun, spec).withNorm(new MaxNorm()),
                hairerStep());
        SolveBuffers rms = SeamRuns.solve(GROWTH, spec, layout, SolverSeams.standard(heun, spec), hairerStep());
        assertEquals(1, max.ints(Slot.ACCEPTED)[0]);
        assertEquals(1, rms.ints(Slot.ACCEPTED)[0]);
        assertEquals(0.1, max.reals(Slot.T_FINAL)[0], 1e-12, "max norm");
        assertEquals(Math.sqrt(0.01 * Math.sqrt(2.0)), rms.reals(Slot.T_FINAL)[0], 1e-12, "RMS norm");
    }

    /** One attempt of h from (0, 0) at t = 0. */
    private static SolveBuffers firstStep(double h) {
        return oneStep(new double[] {0.0, 0.0}, h, 0.01);
    }

    /** One step from t = 0, its size Hairer's (dt0 = 0). */
    private static SolveBuffers hairerStep() {
        return oneStep(new double[] {1.0, 0.0}, 0.0, 1.0);
    }

    private static SolveBuffers oneStep(double[] y0, double dt0, double atol) {
        SolveBuffers b = TestBatch.create(1, 2, 0, 0);
        TestBatch.set(b, 0, y0, 0.0, 10.0);
        b.reals(Slot.DT0)[0] = dt0;
        b.reals(Slot.ATOL)[0] = atol;
        b.reals(Slot.RTOL)[0] = 0.0;
        b.ints(Slot.MAX_STEPS)[0] = 1;
        return b;
    }
}
