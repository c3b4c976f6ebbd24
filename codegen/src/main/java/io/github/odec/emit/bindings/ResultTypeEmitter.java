package io.github.odec.emit.bindings;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.odec.emit.bindings.BindingNames.Named;
import io.github.odec.model.Component;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Statistics;
import io.github.odec.runtime.Status;
import javax.lang.model.element.Modifier;

/** The generated {@code Result}: named accessors over the runtime's {@code Solution}. */
record ResultTypeEmitter(BindingNames names, ClassName result) {

    TypeSpec type() {
        TypeSpec.Builder t = TypeSpec.classBuilder(result)
                .addJavadoc("The solved batch: per instance, each state at each evaluation time ({@code k}), the final\n"
                        + "state, status and statistics. Points an instance did not reach read NaN. Immutable.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(Solution.class, "solution", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(Solution.class, "solution")
                        .addStatement("this.solution = solution").build())
                .addMethod(getter("untyped", Solution.class, "The runtime solution behind this one.", "solution"))
                .addMethod(getter("instances", int.class, null, "solution.instances()"))
                .addMethod(getter("evalCount", int.class, "Evaluation points per instance; 0 when only final states were kept.",
                        "solution.evalCount()"))
                .addMethod(instanceGetter("time", double.class, "The k-th evaluation time of an instance.", true,
                        "solution.evalTime(instance, k)"))
                .addMethod(instanceGetter("finalTime", double.class, "Where the instance stopped: t1 on success.", false,
                        "solution.finalTime(instance)"))
                .addMethod(instanceGetter("status", Status.class, null, false, "solution.status(instance)"))
                .addMethod(instanceGetter("statistics", Statistics.class, null, false, "solution.statistics(instance)"))
                .addMethod(getter("allSucceeded", boolean.class, null, "solution.allSucceeded()"))
                .addMethod(MethodSpec.methodBuilder("count").addModifiers(Modifier.PUBLIC).returns(int.class)
                        .addJavadoc("How many instances ended with {@code status}.\n")
                        .addParameter(Status.class, "status")
                        .addStatement("return solution.count(status)").build());
        for (Named n : names.states()) {
            stateAccessors(t, n);
        }
        for (BindingNames.NamedObserve o : names.observes()) {
            t.addMethod(MethodSpec.methodBuilder(o.javaName())
                    .addJavadoc("The observe {@code $L} of an instance, over the points it accepted.\n", o.observe())
                    .addModifiers(Modifier.PUBLIC).returns(double.class)
                    .addParameter(int.class, "instance")
                    .addStatement("return solution.observe(instance, $S)", o.observe()).build());
        }
        return t.build();
    }

    private void stateAccessors(TypeSpec.Builder t, Named n) {
        Component c = n.component();
        if (!c.array()) {
            t.addMethod(MethodSpec.methodBuilder(n.javaName())
                    .addJavadoc("{@code $L} of an instance at its k-th evaluation time.\n", c.name())
                    .addModifiers(Modifier.PUBLIC).returns(double.class)
                    .addParameter(int.class, "instance").addParameter(int.class, "k")
                    .addStatement("return solution.value(instance, k, $L)", c.offset()).build());
            t.addMethod(MethodSpec.methodBuilder(n.finalAccessor())
                    .addJavadoc("{@code $L} where the instance stopped.\n", c.name())
                    .addModifiers(Modifier.PUBLIC).returns(double.class)
                    .addParameter(int.class, "instance")
                    .addStatement("return solution.finalValue(instance, $S)", c.name()).build());
            return;
        }
        CodeBlock index = CodeBlock.of("index($S, $L, $L, element)", c.name(), c.offset(), c.length());
        t.addMethod(MethodSpec.methodBuilder(n.javaName())
                .addJavadoc("{@code $L[element]} of an instance at its k-th evaluation time.\n", c.name())
                .addModifiers(Modifier.PUBLIC).returns(double.class)
                .addParameter(int.class, "instance").addParameter(int.class, "k").addParameter(int.class, "element")
                .addStatement("return solution.value(instance, k, $L)", index).build());
        t.addMethod(MethodSpec.methodBuilder(n.finalAccessor())
                .addJavadoc("{@code $L[element]} where the instance stopped.\n", c.name())
                .addModifiers(Modifier.PUBLIC).returns(double.class)
                .addParameter(int.class, "instance").addParameter(int.class, "element")
                .addStatement("return solution.finalValue(instance, LAYOUT.stateNames().get($L))", index).build());
    }

    private static MethodSpec getter(String name, Class<?> type, String doc, String expression) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type);
        if (doc != null) {
            m.addJavadoc("$L\n", doc);
        }
        return m.addStatement("return $L", expression).build();
    }

    private static MethodSpec instanceGetter(String name, Class<?> type, String doc, boolean atPoint, String expression) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type)
                .addParameter(int.class, "instance");
        if (atPoint) {
            m.addParameter(int.class, "k");
        }
        if (doc != null) {
            m.addJavadoc("$L\n", doc);
        }
        return m.addStatement("return $L", expression).build();
    }
}
