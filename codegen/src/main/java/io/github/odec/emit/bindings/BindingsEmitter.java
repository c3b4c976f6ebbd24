package io.github.odec.emit.bindings;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.odec.emit.bindings.BindingNames.Named;
import io.github.odec.model.Component;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.Statistics;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolverFactory;
import io.github.odec.runtime.spi.SolverSignature;
import io.github.odec.runtime.spi.SolverSpec;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Prints the typed bindings of one system: a final class with a nested {@code Batch} (named setters
 * over the runtime's {@link io.github.odec.runtime.Batch}, which keeps all validation), a nested
 * {@code Result} (named accessors over {@link Solution}) and a {@link SolverFactory} that hands out
 * the pre-generated solver classes. The output references odec-runtime only.
 */
final class BindingsEmitter {

    private static final Modifier[] PUBLIC_STATIC_FINAL = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};
    private static final Modifier[] PRIVATE_STATIC_FINAL = {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL};
    private static final ClassName RUNTIME_BATCH = ClassName.get(io.github.odec.runtime.Batch.class);

    private final OdeSystem system;
    private final String sourceName;
    private final BindingNames names;
    private final SolverClasses solvers;
    private final ClassName self;
    private final ClassName batch;
    private final ClassName result;

    private BindingsEmitter(OdeSystem system, String sourceName, String packageName, SolverClasses solvers) {
        this.system = system;
        this.sourceName = sourceName;
        this.names = BindingNames.of(system);
        this.solvers = solvers;
        this.self = ClassName.get(packageName, names.className());
        this.batch = self.nestedClass("Batch");
        this.result = self.nestedClass("Result");
    }

    static TypeSpec type(OdeSystem system, String sourceName, String packageName, SolverClasses solvers) {
        return new BindingsEmitter(system, sourceName, packageName, solvers).type();
    }

    private TypeSpec type() {
        SolverSpec spec = solvers.denseSpec();
        boolean arrays = system.states().stream().anyMatch(Component::array)
                || system.params().stream().anyMatch(Component::array);
        boolean anyUniform = system.states().stream().anyMatch(BindingsEmitter::uniform)
                || system.params().stream().anyMatch(BindingsEmitter::uniform);
        return TypeSpec.classBuilder(self)
                .addJavadoc(classDoc())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "SYSTEM", PUBLIC_STATIC_FINAL)
                        .addJavadoc("The system's name in $L.\n", sourceName)
                        .initializer("$S", system.name()).build())
                .addField(FieldSpec.builder(String.class, "METHOD", PUBLIC_STATIC_FINAL)
                        .addJavadoc("The method the solver classes were generated for.\n")
                        .initializer("$S", spec.method()).build())
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
                .addMethod(layoutMethod())
                .addMethod(componentMethod())
                .addMethods(arrays ? List.of(indexMethod(), checkLengthMethod()) : List.of())
                .addMethods(anyUniform ? List.of(filledMethod()) : List.of())
                .addMethod(checkOptionsMethod())
                .addType(batchType())
                .addType(resultType())
                .addType(factoryType())
                .build();
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

    // ---- the layout, as code

    private MethodSpec layoutMethod() {
        ParameterizedTypeName strings = ParameterizedTypeName.get(List.class, String.class);
        ParameterizedTypeName doubles = ParameterizedTypeName.get(List.class, Double.class);
        MethodSpec.Builder m = MethodSpec.methodBuilder("layout")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(SystemLayout.class)
                .addStatement("$T stateNames = new $T<>()", strings, ArrayList.class)
                .addStatement("$T stateDefaults = new $T<>()", doubles, ArrayList.class)
                .addStatement("$T paramNames = new $T<>()", strings, ArrayList.class)
                .addStatement("$T paramDefaults = new $T<>()", doubles, ArrayList.class);
        for (Component c : system.states()) {
            m.addStatement("component(stateNames, stateDefaults, $S, $L, $L)", c.name(), c.array(), defaults(c));
        }
        for (Component c : system.params()) {
            m.addStatement("component(paramNames, paramDefaults, $S, $L, $L)", c.name(), c.array(), defaults(c));
        }
        return m.addStatement("return new $T(SYSTEM, stateNames, stateDefaults, paramNames, paramDefaults)",
                SystemLayout.class).build();
    }

    /**
     * The defaults as a {@code double[]}; NaN where the file gives none (the runtime's convention).
     * An array of one repeated value (a broadcast default, or none) is {@code filled(n, v)}, so that
     * {@code state u[100000] = 0} does not become a literal beyond the JVM's 64 KiB method limit.
     */
    private static CodeBlock defaults(Component c) {
        if (uniform(c)) {
            return CodeBlock.of("filled($L, $L)", c.length(), DoubleLiteral.of(value(c, 0)));
        }
        List<CodeBlock> values = new ArrayList<>();
        for (int e = 0; e < c.length(); e++) {
            values.add(DoubleLiteral.of(value(c, e)));
        }
        return CodeBlock.of("new double[] {$L}", CodeBlock.join(values, ",$W"));
    }

    private static double value(Component c, int element) {
        return c.hasDefaults() ? c.defaults().get(element) : Double.NaN;
    }

    private static boolean uniform(Component c) {
        if (!c.array() || c.length() < 2) {
            return false;
        }
        long first = Double.doubleToLongBits(value(c, 0));
        for (int e = 1; e < c.length(); e++) {
            if (Double.doubleToLongBits(value(c, e)) != first) {
                return false;
            }
        }
        return true;
    }

    private static MethodSpec filledMethod() {
        return MethodSpec.methodBuilder("filled")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(double[].class)
                .addParameter(int.class, "length")
                .addParameter(double.class, "value")
                .addStatement("double[] values = new double[length]")
                .addStatement("$T.fill(values, value)", Arrays.class)
                .addStatement("return values")
                .build();
    }

    private MethodSpec componentMethod() {
        return MethodSpec.methodBuilder("component")
                .addJavadoc("Appends one component's flat names ({@code x}, or {@code u[0]}, {@code u[1]}, ...) and defaults.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ParameterizedTypeName.get(List.class, String.class), "names")
                .addParameter(ParameterizedTypeName.get(List.class, Double.class), "defaults")
                .addParameter(String.class, "name")
                .addParameter(boolean.class, "array")
                .addParameter(double[].class, "values")
                .beginControlFlow("for (int e = 0; e < values.length; e++)")
                .addStatement("names.add(array ? name + \"[\" + e + \"]\" : name)")
                .addStatement("defaults.add(values[e])")
                .endControlFlow()
                .build();
    }

    private MethodSpec indexMethod() {
        return MethodSpec.methodBuilder("index")
                .addJavadoc("The flat index of {@code element} of an array component, checked against its length.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(String.class, "array")
                .addParameter(int.class, "offset")
                .addParameter(int.class, "length")
                .addParameter(int.class, "element")
                .beginControlFlow("if (element < 0 || element >= length)")
                .addStatement("throw new $T(\"element \" + element + \" of \" + array + \" is outside 0..\" + (length - 1))",
                        InvalidInputException.class)
                .endControlFlow()
                .addStatement("return offset + element")
                .build();
    }

    private MethodSpec checkOptionsMethod() {
        return MethodSpec.methodBuilder("checkGeneratedFor")
                .addJavadoc("Rejects options for a solver these bindings do not contain, naming what they do contain.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(String.class, "method")
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

    // ---- Batch

    private TypeSpec batchType() {
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

    /** Shared and per-instance setters of one state or parameter (with an element index for arrays). */
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
        t.addMethod(MethodSpec.methodBuilder(name)
                .addJavadoc("$L {@code $L[element]} of every instance (element in 0..$L).\n", what, c.name(), c.length() - 1)
                .addModifiers(Modifier.PUBLIC).returns(batch)
                .addParameter(int.class, "element")
                .addParameter(double.class, "value")
                .addStatement("batch.$L($L, value)", runtimeSetter, flatName)
                .addStatement("return this").build());
        t.addMethod(MethodSpec.methodBuilder(name)
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

    private MethodSpec checkLengthMethod() {
        return MethodSpec.methodBuilder("checkLength")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(String.class, "array")
                .addParameter(int.class, "length")
                .addParameter(double[].class, "values")
                .addStatement("$T.requireNonNull(values, array)", Objects.class)
                .beginControlFlow("if (values.length != length)")
                .addStatement("throw new $T(array + \": expected \" + length + \" values, got \" + values.length)",
                        InvalidInputException.class)
                .endControlFlow()
                .build();
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

    // ---- Result

    private TypeSpec resultType() {
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
