package io.github.odec.lower;

import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A second step-size controller, halve on a rejection and grow by half on an acceptance, run end to end. */
class ControllerSeamTest {

    /** The toy: no history, no clipping, no safety factor. */
    record HalveOrGrow() implements StepController {
        @Override
        public Declared declare(StatementBuilder out) {
            return new Declared() {
                @Override
                public Local factor(StatementBuilder body, Local ratio, Local accept, IrExpr finite, Local rejectedLast) {
                    return body.real("factor", select(read(accept), real(1.5), real(0.5)));
                }

                @Override
                public void onAccept(StatementBuilder body, Local ratio) {}
            };
        }
    }

    private static final OdeSystem RAMP = SeamRuns.system("system Ramp { state y = 0.0; y' = 2 * t; }");

    /**
     * Heun's error estimate on y' = 2t is h^2 exactly (b - bhat = (-1/2, 1/2), k2 - k1 = 2h), so with
     * atol = 0.01 and rtol = 0 a step is accepted iff h <= 0.1. From dt0 = 1 the controller must try
     * these steps, in this order (A accepted).
     */
    private static final double[] ATTEMPTS = {1, 0.5, 0.25, 0.125, 0.0625, 0.09375, 0.140625, 0.0703125, 0.10546875,
            0.052734375, 0.0791015625, 0.11865234375};
    private static final boolean[] ACCEPTED = {false, false, false, false, true, true, false, true, false, true, true,
            false};

    @ParameterizedTest
    @EnumSource(StateLayout.class)
    void stepSizesFollowTheToyRule(StateLayout layout) {
        int n = ATTEMPTS.length;
        for (int i = 0; i + 1 < n; i++) {
            assertEquals(ATTEMPTS[i] * (ACCEPTED[i] ? 1.5 : 0.5), ATTEMPTS[i + 1], "the table follows the rule");
            assertEquals(ATTEMPTS[i] <= 0.1, ACCEPTED[i], "the table follows h^2 <= atol");
        }
        SolveBuffers b = TestBatch.create(n, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            TestBatch.set(b, i, new double[] {0.0}, 0.0, 100.0);
            b.reals(Slot.DT0)[i] = 1.0;
            b.reals(Slot.ATOL)[i] = 0.01;
            b.reals(Slot.RTOL)[i] = 0.0;
            b.ints(Slot.MAX_STEPS)[i] = i + 1; // instance i stops after attempt i: its t is the sum of the steps accepted so far
        }
        SolverSpec spec = new SolverSpec(io.github.odec.runtime.Method.named("heun"), StepControllerKind.PID, Precision.F64, false);
        Method heun = Method.of(MethodLookup.find(Frontend.standardTableaus(), "heun"));
        SeamRuns.solve(RAMP, spec, layout, SolverSeams.standard(heun, spec).withController(new HalveOrGrow()), b);

        List<Double> t = new ArrayList<>();
        int[] accepted = new int[n];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (ACCEPTED[i]) {
                sum += ATTEMPTS[i];
                count++;
            }
            t.add(sum);
            accepted[i] = count;
        }
        assertEquals(t, Arrays.stream(b.reals(Slot.T_FINAL)).boxed().toList());
        assertArrayEquals(accepted, b.ints(Slot.ACCEPTED));
        for (int i = 0; i < n; i++) {
            assertEquals(Status.REACHED_MAX_STEPS.code(), b.ints(Slot.STATUS)[i]);
            assertEquals(i + 1, b.ints(Slot.STEPS)[i]);
            // Heun is exact for y' = 2t: y = t^2 at every accepted point.
            assertEquals(b.reals(Slot.T_FINAL)[i] * b.reals(Slot.T_FINAL)[i], b.reals(Slot.Y_FINAL)[i], 1e-15, "y at instance " + i);
        }
    }
}
