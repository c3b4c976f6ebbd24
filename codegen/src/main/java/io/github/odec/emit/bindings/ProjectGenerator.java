package io.github.odec.emit.bindings;

import io.github.odec.model.OdeModel;

import java.util.List;

/** Generates the source files of a Java project that solves a model without odec's compiler. */
public final class ProjectGenerator {

    private ProjectGenerator() {
    }

    /**
     * Deterministic: the same inputs give byte-identical files.
     *
     * @param model      the checked model
     * @param sourceName the {@code .ode} file as the user named it (relative), for the header comment
     * @param request    what to generate
     * @throws IllegalArgumentException on a request that does not fit the model (unknown system or
     *                                  method, invalid package name, an emit kind this build lacks)
     */
    public static List<GeneratedFile> generate(OdeModel model, String sourceName, GenerateRequest request) {
        throw new UnsupportedOperationException("in progress on branch bindings");
    }
}
