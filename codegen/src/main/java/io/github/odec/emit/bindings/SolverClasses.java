package io.github.odec.emit.bindings;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.github.odec.emit.java.JavaSolverEmitter;
import io.github.odec.lower.SolverLowering;
import io.github.odec.model.Method;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.spi.SolverSpec;

/**
 * The two pre-generated solver classes of one system (dense output and final state only), printed
 * by the same emitter the in-memory compiler uses, so they compute bit for bit what it computes.
 *
 * @param errorOrder the controller's exponent denominator, for the signature the bindings build
 */
record SolverClasses(SolverSpec denseSpec, ClassName dense, SolverSpec finalSpec, ClassName finalOnly,
                     int errorOrder, JavaFile denseFile, JavaFile finalFile) {

    static SolverClasses of(OdeSystem system, Tableau tableau, GenerateRequest request, String header) {
        SolverSpec denseSpec = new SolverSpec(tableau.name(), request.controller(), request.precision(), true);
        SolverSpec finalSpec = new SolverSpec(tableau.name(), request.controller(), request.precision(), false);
        Method method = Method.of(tableau);
        TypeSpec dense = JavaSolverEmitter.type(SolverLowering.lower(system, method, denseSpec));
        TypeSpec finalOnly = JavaSolverEmitter.type(SolverLowering.lower(system, method, finalSpec));
        return new SolverClasses(denseSpec, ClassName.get(request.packageName(), dense.name()),
                finalSpec, ClassName.get(request.packageName(), finalOnly.name()),
                SolverLowering.errorOrder(method, request.controller()),
                file(request.packageName(), dense, header), file(request.packageName(), finalOnly, header));
    }

    static JavaFile file(String packageName, TypeSpec type, String header) {
        return JavaFile.builder(packageName, type).addFileComment("$L", header).indent("    ")
                .skipJavaLangImports(true).build();
    }
}
