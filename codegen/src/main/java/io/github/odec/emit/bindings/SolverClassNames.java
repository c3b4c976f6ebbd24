package io.github.odec.emit.bindings;

import com.palantir.javapoet.ClassName;
import io.github.odec.runtime.spi.SolverSpec;

/**
 * What the bindings of one system call: the two pre-generated solver classes (dense output and
 * final state only), the specs they were compiled for, and the controller's exponent denominator
 * for the signature the bindings build.
 */
public record SolverClassNames(SolverSpec denseSpec, ClassName dense, SolverSpec finalSpec, ClassName finalOnly,
                               int errorOrder) {
}
