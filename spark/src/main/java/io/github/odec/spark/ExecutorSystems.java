package io.github.odec.spark;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.diag.SourceFile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The systems this JVM compiled from {@code .ode} text, one per (file, system): every task of a job
 * on an executor, and every later job with the same text, shares one {@link CompiledSystem}, whose
 * solver classes are compiled once (the process-wide {@code SolverClassCache}).
 */
final class ExecutorSystems {

    private static final Map<SolverSource.OdeText, CompiledSystem> SYSTEMS = new ConcurrentHashMap<>();

    private ExecutorSystems() {}

    static CompiledSystem compiled(SolverSource.OdeText source) {
        return SYSTEMS.computeIfAbsent(source, ExecutorSystems::check);
    }

    private static CompiledSystem check(SolverSource.OdeText source) {
        CheckResult checked = Frontend.check(new SourceFile(source.sourceName(), source.text()));
        if (!checked.ok()) {
            throw new IllegalArgumentException(source.sourceName() + " does not check:\n" + checked.render());
        }
        return new CompiledSystem(checked.model().orElseThrow(), source.systemName());
    }
}
