package io.github.odec.emit.bindings;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import io.github.odec.model.Component;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The generated class's {@code SystemLayout}, as code, and the small private helpers the setters and
 * accessors share (element index and array length checks): each emitted only where it is used.
 */
final class LayoutCode {

    private LayoutCode() {}

    /** {@code layout()} and its helpers, in the order they appear in the generated class. */
    static List<MethodSpec> methods(OdeSystem system) {
        boolean arrays = system.states().stream().anyMatch(Component::array)
                || system.params().stream().anyMatch(Component::array);
        boolean anyUniform = system.states().stream().anyMatch(LayoutCode::uniform)
                || system.params().stream().anyMatch(LayoutCode::uniform);
        List<MethodSpec> methods = new ArrayList<>(List.of(layoutMethod(system), componentMethod()));
        if (arrays) {
            methods.add(indexMethod());
            methods.add(checkLengthMethod());
        }
        if (anyUniform) {
            methods.add(filledMethod());
        }
        return methods;
    }


    static MethodSpec layoutMethod(OdeSystem system) {
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
        if (system.observes().isEmpty()) {
            return m.addStatement("return new $T(SYSTEM, stateNames, stateDefaults, paramNames, paramDefaults)",
                    SystemLayout.class).build();
        }
        CodeBlock observes = CodeBlock.join(system.observeNames().stream().map(n -> CodeBlock.of("$S", n)).toList(), ", ");
        return m.addStatement("return new $T(SYSTEM, stateNames, stateDefaults, paramNames, paramDefaults, $T.of($L))",
                SystemLayout.class, List.class, observes).build();
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

    private static MethodSpec componentMethod() {
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

    private static MethodSpec indexMethod() {
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

    private static MethodSpec checkLengthMethod() {
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
}
