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
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A second error norm, the max norm, where it and RMS disagree about the same trial. */
class NormSeamTest {

    /** max_j |e_j| / (atol + rtol max(|y_j|, |ynew_j|)). */
    record MaxNorm() implements ErrorNorm {
        @Override
        public Local ratio(StatementBuilder out, SolveState s, Components components, Trial trial) {
            SolveState.ErrorControl tol = s.control().orElseThrow();
            Local ratio = out.real("ratio", real(0.0));
            components.forEach(out, (b, j) -> {
                IrExpr scale = add(read(tol.atol()), mul(read(tol.rtol()), max(abs(s.y().get(j)), abs(trial.state().get(j)))));
                b.assign(ratio, max(read(ratio), abs(div(trial.error(j), scale))));
            });
            return ratio;
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
        assertEquals(maxAccepts ? 1 : 0, max.accepted[0], "max norm");
        assertEquals(rmsAccepts ? 1 : 0, rms.accepted[0], "RMS norm");
        assertEquals(maxAccepts ? h : 0.0, max.tFinal[0]);
        assertEquals(rmsAccepts ? h : 0.0, rms.tFinal[0]);
        assertEquals(rmsAccepts ? h * h : 0.0, rms.yFinal[0], 1e-16);
    }

    /** One attempt of h from t = 0. */
    private static SolveBuffers firstStep(double h) {
        SolveBuffers b = TestBatch.create(1, 2, 0, 0);
        TestBatch.set(b, 0, new double[] {0.0, 0.0}, 0.0, 10.0);
        b.dt0[0] = h;
        b.atol[0] = 0.01;
        b.rtol[0] = 0.0;
        b.maxSteps[0] = 1;
        return b;
    }
}
