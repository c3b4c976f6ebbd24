package io.github.odec.pipeline;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.github.odec.emit.bindings.SolverClassNames;
import io.github.odec.emit.java.JavaSolverEmitter;
import io.github.odec.lower.SolverLowering;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.spi.SolverSpec;

/**
 * The two pre-generated solver classes of one system (dense output and final state only), printed
 * by the same emitter the in-memory compiler uses, so they compute bit for bit what it computes.
 *
 * @param names what the bindings need to call them
 */
record SolverClasses(SolverClassNames names, JavaFile denseFile, JavaFile finalFile) {

    static SolverClasses of(OdeSystem system, io.github.odec.model.Method method, GenerateRequest request, String header) {
        SolverSpec denseSpec = new SolverSpec(Method.named(method.name()), request.controller(), request.precision(), true);
        SolverSpec finalSpec = new SolverSpec(Method.named(method.name()), request.controller(), request.precision(), false);
        TypeSpec dense = JavaSolverEmitter.type(Pipeline.lower(system, method, denseSpec));
        TypeSpec finalOnly = JavaSolverEmitter.type(Pipeline.lower(system, method, finalSpec));
        SolverClassNames names = new SolverClassNames(denseSpec, ClassName.get(request.packageName(), dense.name()),
                finalSpec, ClassName.get(request.packageName(), finalOnly.name()),
                SolverLowering.errorOrder(method, request.controller()));
        return new SolverClasses(names, file(request.packageName(), dense, header),
                file(request.packageName(), finalOnly, header));
    }

    static JavaFile file(String packageName, TypeSpec type, String header) {
        return JavaFile.builder(packageName, type).addFileComment("$L", header).indent("    ")
                .skipJavaLangImports(true).build();
    }
}
