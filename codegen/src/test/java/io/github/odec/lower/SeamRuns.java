package io.github.odec.lower;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.compile.SolverClassCache;
import io.github.odec.diag.SourceFile;
import io.github.odec.emit.java.JavaSolverEmitter;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSignature;
import io.github.odec.runtime.spi.SolverSpec;

/** Runs a solver lowered with seams of a test's choosing through the Java backend (print, javac, run). */
final class SeamRuns {

    private SeamRuns() {}

    /** The first system of a {@code .ode} text. */
    static OdeSystem system(String text) {
        CheckResult result = Frontend.check(new SourceFile("seams.ode", text));
        return result.model().orElseThrow(() -> new AssertionError(result.render())).systems().getFirst();
    }

    /** Lowers with {@code seams}, compiles the printed Java and solves every instance of {@code b} in place. */
    static SolveBuffers solve(OdeSystem system, SolverSpec spec, StateLayout layout, SolverSeams seams, SolveBuffers b) {
        Class<?> type = SolverClassCache.classFor(JavaSolverEmitter.emit(SolverLowering.lower(system, spec, layout, seams)));
        // The error order in a signature is what the bindings report; solving does not read it.
        SolverSignature signature = new SolverSignature(new CompiledSystem(system, Frontend.standardTableaus()).layout(),
                spec, 1);
        try {
            CompiledSolver solver = (CompiledSolver) type.getConstructor(SolverSignature.class).newInstance(signature);
            solver.solve(b, 0, b.instances);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + type.getName(), e);
        }
        return b;
    }
}
