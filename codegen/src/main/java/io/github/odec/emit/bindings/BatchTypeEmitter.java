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
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** The generated {@code Batch}: named setters over the runtime's batch, and solve. */
record BatchTypeEmitter(OdeSystem system, BindingNames names, ClassName self, ClassName batch, ClassName result) {

    private static final ClassName RUNTIME_BATCH = ClassName.get(io.github.odec.runtime.Batch.class);


    TypeSpec type() {
        TypeSpec.Builder t = TypeSpec.classBuilder(batch)
                .addJavadoc("Instances of $L to solve: named setters over the runtime's batch, which checks every value\n"
                        + "when solving and reports all problems at once. Setters return {@code this}; not thread-safe.\n",
                        system.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(RUNTIME_BATCH, "batch", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(int.class, "size")
                        .addStatement("this.batch = new $T(LAYOUT, size)", RUNTIME_BATCH).build())
                .addMethod(MethodSpec.methodBuilder("size").addModifiers(Modifier.PUBLIC).returns(int.class)
                        .addStatement("return batch.size()").build())
                .addMethod(MethodSpec.methodBuilder("untyped")
                        .addJavadoc("The runtime batch behind this one (setters by name, rows of arrays); changes show in both.\n")
                        .addModifiers(Modifier.PUBLIC).returns(RUNTIME_BATCH)
                        .addStatement("return batch").build());
        for (Named n : names.states()) {
            setters(t, n, "state", "Initial");
        }
        for (Named n : names.params()) {
            setters(t, n, "param", "Parameter");
        }
        delegate(t, "span", "The same span for every instance; t1 < t0 integrates backwards.", "double t0", "double t1");
        delegate(t, "span", null, "int instance", "double t0", "double t1");
        t.addMethod(MethodSpec.methodBuilder("evalTimes")
                .addJavadoc("The same evaluation times for every instance; none: the final state only.\n")
                .addModifiers(Modifier.PUBLIC).returns(batch).varargs(true)
                .addParameter(double[].class, "times")
                .addStatement("batch.evalTimes(times)").addStatement("return this").build());
        delegate(t, "evalTimesEvenlySpaced", "{@code points} times evenly spaced from each instance's t0 to its t1, both included.",
                "int points");
        delegate(t, "finalStateOnly", "Keep the final state only (the default).");
        delegate(t, "atol", "Absolute tolerance of every instance (default 1e-6).", "double atol");
        delegate(t, "atol", null, "int instance", "double atol");
        delegate(t, "rtol", "Relative tolerance of every instance (default 1e-3).", "double rtol");
        delegate(t, "rtol", null, "int instance", "double rtol");
        t.addMethod(MethodSpec.methodBuilder("solve")
                .addJavadoc("Solves on all CPU cores with {@link $T#options()}.\n", self)
                .addModifiers(Modifier.PUBLIC).returns(result)
                .addStatement("return solve($T.cpu(), options())", Solver.class).build());
        t.addMethod(MethodSpec.methodBuilder("solve")
                .addJavadoc("Solves on all CPU cores; start from {@link $T#options()}.\n", self)
                .addModifiers(Modifier.PUBLIC).returns(result)
                .addParameter(SolverOptions.class, "options")
                .addStatement("return solve($T.cpu(), options)", Solver.class).build());
        t.addMethod(MethodSpec.methodBuilder("solve")
                .addJavadoc("@throws $T when the batch or options are invalid, or ask for a method, controller or\n"
                        + "    precision these bindings were not generated for\n", InvalidInputException.class)
                .addModifiers(Modifier.PUBLIC).returns(result)
                .addParameter(Solver.class, "solver")
                .addParameter(SolverOptions.class, "options")
                .addStatement("$T.requireNonNull(options, $S)", Objects.class, "options")
                .addStatement("checkGeneratedFor(options.method(), options.controller(), options.precision())")
                .addStatement("return new $T(solver.solve(FACTORY, batch, options))", result).build());
        return t.build();
    }

    /**
     * Shared and per-instance setters of one state or parameter: {@code x(value)}, {@code x(instance, value)};
     * for an array, whole rows {@code u(values)}, {@code u(instance, values)} and single elements
     * {@code uElement(element, value)}, {@code uElement(instance, element, value)}. The instance, where
     * there is one, always comes first.
     */
    private void setters(TypeSpec.Builder t, Named n, String runtimeSetter, String what) {
        Component c = n.component();
        String name = n.javaName();
        if (!c.array()) {
            t.addMethod(MethodSpec.methodBuilder(name)
                    .addJavadoc("$L {@code $L} of every instance.\n", what, c.name())
                    .addModifiers(Modifier.PUBLIC).returns(batch)
                    .addParameter(double.class, "value")
                    .addStatement("batch.$L($S, value)", runtimeSetter, c.name())
                    .addStatement("return this").build());
            t.addMethod(MethodSpec.methodBuilder(name)
                    .addJavadoc("$L {@code $L} of one instance.\n", what, c.name())
                    .addModifiers(Modifier.PUBLIC).returns(batch)
                    .addParameter(int.class, "instance")
                    .addParameter(double.class, "value")
                    .addStatement("batch.$L($S, instance, value)", runtimeSetter, c.name())
                    .addStatement("return this").build());
            return;
        }
        CodeBlock flatName = CodeBlock.of("LAYOUT.$L().get(index($S, $L, $L, element))",
                runtimeSetter.equals("state") ? "stateNames" : "paramNames", c.name(), c.offset(), c.length());
        t.addMethod(MethodSpec.methodBuilder(n.elementSetter())
                .addJavadoc("$L {@code $L[element]} of every instance (element in 0..$L).\n", what, c.name(), c.length() - 1)
                .addModifiers(Modifier.PUBLIC).returns(batch)
                .addParameter(int.class, "element")
                .addParameter(double.class, "value")
                .addStatement("batch.$L($L, value)", runtimeSetter, flatName)
                .addStatement("return this").build());
        t.addMethod(MethodSpec.methodBuilder(n.elementSetter())
                .addJavadoc("$L {@code $L[element]} of one instance (element in 0..$L).\n", what, c.name(), c.length() - 1)
                .addModifiers(Modifier.PUBLIC).returns(batch)
                .addParameter(int.class, "instance")
                .addParameter(int.class, "element")
                .addParameter(double.class, "value")
                .addStatement("batch.$L($L, instance, value)", runtimeSetter, flatName)
                .addStatement("return this").build());
        String names = runtimeSetter.equals("state") ? "stateNames" : "paramNames";
        t.addMethod(MethodSpec.methodBuilder(name)
                .addJavadoc("$L {@code $L}, all $L elements, of every instance.\n", what, c.name(), c.length())
                .addModifiers(Modifier.PUBLIC).returns(batch)
                .addParameter(double[].class, "values")
                .addStatement("checkLength($S, $L, values)", c.name(), c.length())
                .beginControlFlow("for (int e = 0; e < values.length; e++)")
                .addStatement("batch.$L(LAYOUT.$L().get($L + e), values[e])", runtimeSetter, names, c.offset())
                .endControlFlow()
                .addStatement("return this").build());
        t.addMethod(MethodSpec.methodBuilder(name)
                .addJavadoc("$L {@code $L}, all $L elements, of one instance.\n", what, c.name(), c.length())
                .addModifiers(Modifier.PUBLIC).returns(batch)
                .addParameter(int.class, "instance")
                .addParameter(double[].class, "values")
                .addStatement("checkLength($S, $L, values)", c.name(), c.length())
                .beginControlFlow("for (int e = 0; e < values.length; e++)")
                .addStatement("batch.$L(LAYOUT.$L().get($L + e), instance, values[e])", runtimeSetter, names, c.offset())
                .endControlFlow()
                .addStatement("return this").build());
    }

    /** A Batch method that forwards its parameters to the runtime batch's method of the same name. */
    private void delegate(TypeSpec.Builder t, String name, String doc, String... params) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(batch);
        if (doc != null) {
            m.addJavadoc("$L\n", doc);
        }
        List<String> args = new ArrayList<>();
        for (String p : params) {
            String[] typeAndName = p.split(" ");
            m.addParameter(typeAndName[0].equals("int") ? int.class : double.class, typeAndName[1]);
            args.add(typeAndName[1]);
        }
        t.addMethod(m.addStatement("batch.$L($L)", name, String.join(", ", args)).addStatement("return this").build());
    }
}
