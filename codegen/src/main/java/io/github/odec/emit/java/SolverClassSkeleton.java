package io.github.odec.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSignature;
import javax.lang.model.element.Modifier;

/**
 * What the scalar and the SIMD solver classes share: a public final {@link CompiledSolver} holding the
 * signature it was built for, a {@code solve(buffers, from, to)} over an instance range, one file layout.
 */
final class SolverClassSkeleton {

    private SolverClassSkeleton() {}

    /** The class with its signature field, constructor and accessor; the caller adds the solve methods. */
    static TypeSpec.Builder type(String simpleName, String javadoc) {
        return TypeSpec.classBuilder(simpleName)
                .addJavadoc("$L", javadoc)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(CompiledSolver.class)
                .addField(FieldSpec.builder(SolverSignature.class, "signature", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(SolverSignature.class, "signature")
                        .addStatement("this.signature = signature")
                        .build())
                .addMethod(MethodSpec.methodBuilder("signature")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ClassName.get(SolverSignature.class))
                        .addStatement("return signature")
                        .build());
    }

    /** {@code solve(buffers, from, to)}'s signature; the caller adds the loop over the range. */
    static MethodSpec.Builder solve() {
        return MethodSpec.methodBuilder("solve")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(SolveBuffers.class, "buffers")
                .addParameter(int.class, "from")
                .addParameter(int.class, "to");
    }

    /** The source file of a solver class in {@link JavaSolverEmitter#PACKAGE}; the caller may add static imports. */
    static JavaFile.Builder file(TypeSpec type) {
        return JavaFile.builder(JavaSolverEmitter.PACKAGE, type).indent("    ").skipJavaLangImports(true);
    }

    /** Wraps a built file as the source of its class. */
    static JavaSolverSource source(JavaFile file) {
        return new JavaSolverSource(file.packageName(), file.typeSpec().name(), file.toString());
    }
}
