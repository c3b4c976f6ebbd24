package io.github.odec;

import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolverSpec;

/** Compiled solvers for the test systems and tableaus. */
public final class Solvers {

    private Solvers() {}

    public static CompiledSolver of(OdeSystem system, String method, StepControllerKind controller, boolean dense) {
        return of(system, method, controller, Precision.F64, dense);
    }

    public static CompiledSolver of(OdeSystem system, String method, StepControllerKind controller, Precision p,
                                    boolean dense) {
        return new CompiledSystem(system, Frontend.standardTableaus()).solver(new SolverSpec(Method.named(method), controller, p, dense));
    }
}
