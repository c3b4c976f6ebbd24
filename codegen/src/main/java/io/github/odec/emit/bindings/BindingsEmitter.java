package io.github.odec.emit.bindings;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.odec.emit.bindings.BindingNames.Named;
import io.github.odec.model.Component;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolverFactory;
import io.github.odec.runtime.spi.SolverSignature;
import io.github.odec.runtime.spi.SolverSpec;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Prints the typed bindings of one system: a final class with a nested {@code Batch} (named setters
 * over the runtime's {@link io.github.odec.runtime.Batch}, which keeps all validation), a nested
 * {@code Result} (named accessors over {@link Solution}) and a {@link SolverFactory} that hands out
 * the pre-generated solver classes. The output references odec-runtime only.
 */
public final class BindingsEmitter {

    private static final Modifier[] PUBLIC_STATIC_FINAL = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};
    private static final Modifier[] PRIVATE_STATIC_FINAL = {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL};

    private final OdeSystem system;
    private final String sourceName;
    private final BindingNames names;
    private final SolverClassNames solvers;
    private final ClassName self;
    private final ClassName batch;
    private final ClassName result;

    private BindingsEmitter(OdeSystem system, String sourceName, String packageName, SolverClassNames solvers) {
        this.system = system;
        this.sourceName = sourceName;
        this.names = BindingNames.of(system);
        this.solvers = solvers;
        this.self = ClassName.get(packageName, names.className());
        this.batch = self.nestedClass("Batch");
        this.result = self.nestedClass("Result");
    }

    public static TypeSpec type(OdeSystem system, String sourceName, String packageName, SolverClassNames solvers) {
        return new BindingsEmitter(system, sourceName, packageName, solvers).type();
    }

    private TypeSpec type() {
        SolverSpec spec = solvers.denseSpec();
        return TypeSpec.classBuilder(self)
                .addJavadoc(classDoc())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "SYSTEM", PUBLIC_STATIC_FINAL)
                        .addJavadoc("The system's name in $L.\n", sourceName)
                        .initializer("$S", system.name()).build())
                .addField(FieldSpec.builder(Method.class, "METHOD", PUBLIC_STATIC_FINAL)
                        .addJavadoc("The method the solver classes were generated for.\n")
                        .initializer(methodConstant(spec.method())).build())
                .addField(FieldSpec.builder(StepControllerKind.class, "CONTROLLER", PUBLIC_STATIC_FINAL)
                        .initializer("$T.$L", StepControllerKind.class, spec.controller().name()).build())
                .addField(FieldSpec.builder(Precision.class, "PRECISION", PUBLIC_STATIC_FINAL)
                        .initializer("$T.$L", Precision.class, spec.precision().name()).build())
                .addField(FieldSpec.builder(SystemLayout.class, "LAYOUT", PUBLIC_STATIC_FINAL)
                        .addJavadoc("Names and defaults of the states and parameters, in the solver's order.\n")
                        .initializer("layout()").build())
                .addField(signatureField("DENSE", true))
                .addField(signatureField("FINAL_ONLY", false))
                .addField(FieldSpec.builder(SolverFactory.class, "FACTORY", PRIVATE_STATIC_FINAL)
                        .initializer("new Factory()").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("batch")
                        .addJavadoc("A batch of {@code size} instances, every value at the .ode file's defaults.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(batch).addParameter(int.class, "size")
                        .addStatement("return new $T(size)", batch).build())
                .addMethod(MethodSpec.methodBuilder("options")
                        .addJavadoc("The runtime's default options with this class's method, controller (and its preset\n"
                                + "coefficients) and precision: the options {@link Batch#solve()} uses. Change anything\n"
                                + "else with the withers (dt0, dtMax, maxSteps, threads, coefficients).\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(SolverOptions.class)
                        .addStatement("return $T.defaults().withMethod(METHOD).withController(CONTROLLER).withPrecision(PRECISION)",
                                SolverOptions.class).build())
                .addMethod(MethodSpec.methodBuilder("factory")
                        .addJavadoc("The pre-generated solvers, for the untyped runtime API:\n"
                                + "{@code Solver.cpu().solve($L.factory(), batch.untyped(), $L.options())}.\n",
                                names.className(), names.className())
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(SolverFactory.class)
                        .addStatement("return FACTORY").build())
                .addMethods(LayoutCode.methods(system))
                .addMethod(checkOptionsMethod())
                .addType(new BatchTypeEmitter(system, names, self, batch, result).type())
                .addType(new ResultTypeEmitter(names, result).type())
                .addType(factoryType())
                .build();
    }

    /** A standard method as its constant ({@code Method.DOPRI5}), a file's own tableau by name. */
    private static CodeBlock methodConstant(Method method) {
        return Method.standard().contains(method)
                ? CodeBlock.of("$T.$L", Method.class, method.name().toUpperCase(Locale.ROOT))
                : CodeBlock.of("$T.named($S)", Method.class, method.name());
    }

    private CodeBlock classDoc() {
        SolverSpec spec = solvers.denseSpec();
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Typed bindings for system {@code $L} of {@code $L}, with solvers generated for method\n",
                        system.name(), sourceName)
                .add("{@code $L}, the $L controller and $L precision. Needs odec-runtime only.\n",
                        spec.method(), spec.controller().name().toLowerCase(), spec.precision().name().toLowerCase())
                .add("<pre>{@code\n")
                .add("var batch = $L.batch(100).span(0, 10).evalTimesEvenlySpaced(11);\n", names.className())
                .add("$L.Result r = batch.solve();\n", names.className())
                .add("}</pre>\n")
                .add("States: $L. Parameters: $L.\n", list(names.states()), names.params().isEmpty() ? "none" : list(names.params()));
        return doc.build();
    }

    private static String list(List<Named> named) {
        List<String> parts = new ArrayList<>();
        for (Named n : named) {
            Component c = n.component();
            parts.add((c.array() ? c.name() + "[" + c.length() + "]" : c.name())
                    + (n.javaName().equals(c.name()) ? "" : " (as " + n.javaName() + ")"));
        }
        return String.join(", ", parts);
    }

    private FieldSpec signatureField(String name, boolean dense) {
        SolverSpec spec = dense ? solvers.denseSpec() : solvers.finalSpec();
        return FieldSpec.builder(SolverSignature.class, name, PRIVATE_STATIC_FINAL)
                .initializer("new $T(LAYOUT, new $T(METHOD, CONTROLLER, PRECISION, $L), $L)", SolverSignature.class,
                        SolverSpec.class, spec.denseOutput(), solvers.errorOrder())
                .build();
    }

    private MethodSpec checkOptionsMethod() {
        return MethodSpec.methodBuilder("checkGeneratedFor")
                .addJavadoc("Rejects options for a solver these bindings do not contain, naming what they do contain.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Method.class, "method")
                .addParameter(StepControllerKind.class, "controller")
                .addParameter(Precision.class, "precision")
                .beginControlFlow("if (!method.equals(METHOD) || controller != CONTROLLER || precision != PRECISION)")
                .addStatement("throw new $T(SYSTEM + \" bindings were generated for method \" + METHOD + \", controller \"\n"
                                + "+ CONTROLLER + \", precision \" + PRECISION + \"; the options ask for method \" + method\n"
                                + "+ \", controller \" + controller + \", precision \" + precision\n"
                                + "+ \". Start from $L.options(), or regenerate the bindings\"\n"
                                + "+ \" (odec compile --method M --controller C --precision P)\")",
                        InvalidInputException.class, names.className())
                .endControlFlow()
                .build();
    }

    // ---- the factory of pre-generated solvers

    private TypeSpec factoryType() {
        return TypeSpec.classBuilder("Factory")
                .addJavadoc("Hands out the two solver classes generated with these bindings; compiles nothing.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(SolverFactory.class)
                .addField(FieldSpec.builder(CompiledSolver.class, "dense", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T(DENSE)", solvers.dense()).build())
                .addField(FieldSpec.builder(CompiledSolver.class, "finalOnly", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T(FINAL_ONLY)", solvers.finalOnly()).build())
                .addMethod(MethodSpec.methodBuilder("layout").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(SystemLayout.class)
                        .addStatement("return LAYOUT").build())
                .addMethod(MethodSpec.methodBuilder("solver").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(CompiledSolver.class)
                        .addParameter(SolverSpec.class, "spec")
                        .addStatement("checkGeneratedFor(spec.method(), spec.controller(), spec.precision())")
                        .addStatement("return spec.denseOutput() ? dense : finalOnly").build())
                .build();
    }
}