package io.github.odec.pipeline;

import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to generate from one checked model.
 *
 * @param packageName the Java package of every generated class (e.g. {@code odec.generated})
 * @param system      the one system to generate; empty: every system in the file
 * @param method      the tableau, looked up in the model by name (standard library or the file's own)
 * @param controller  the step controller the solver classes are compiled for
 * @param precision   the floating-point type the solver classes compute in
 * @param emit        which kinds of files to write; not empty
 */
public record GenerateRequest(String packageName, Optional<String> system,
                              Method method, StepControllerKind controller, Precision precision,
                              Set<EmitKind> emit) {

    public GenerateRequest {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(precision, "precision");
        if (emit.isEmpty()) {
            throw new IllegalArgumentException("nothing to emit: name at least one of " + EnumSet.allOf(EmitKind.class));
        }
        emit = Set.copyOf(EnumSet.copyOf(emit));
    }
}
