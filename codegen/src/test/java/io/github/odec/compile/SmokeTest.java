package io.github.odec.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.TestTableaus;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void printsAndRuns() {
        var cs = new CompiledSystem(TestSystems.vanDerPol(), TestTableaus.all());
        System.out.println(cs.javaSource(new SolverSpec("dopri5", StepControllerKind.PID, Precision.F64, true)).source());
        var s = Solvers.of(TestSystems.decay(), "dopri5", StepControllerKind.INTEGRAL, true);
        SolveBuffers b = TestBatch.create(1, 1, 0, 4);
        TestBatch.set(b, 0, new double[] {1.0}, 0, 1);
        s.solve(b, 0, 1);
        System.out.println(b.yFinal[0] + " " + Math.exp(-1) + " steps " + b.steps[0] + " f " + b.fEvals[0] + " st " + b.status[0]);
        assertEquals(Math.exp(-1), b.yFinal[0], 1e-5);
    }
}
