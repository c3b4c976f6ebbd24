package io.github.odec.emit.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.ir.SolverFunction;
import io.github.odec.lower.SolverLowering;
import io.github.odec.lower.StateLayout;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolverSpec;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.Attributes;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.MethodModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every generated method stays below HotSpot's 8000-byte limit for JIT compilation
 * (-XX:+DontCompileHugeMethods): a solver over it would run interpreted, tens of times slower. The
 * layout choice is what keeps large systems under it.
 */
class MethodSizeTest {

    private static final int HUGE_METHOD_LIMIT = 8000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "vdp, tsit5, F64, LOCALS",
            "lorenz96_6, dopri5, F32, LOCALS",
            "lorenz96_8, tsit5, F64, ARRAYS",
            "lorenz96_12, dopri5, F64, ARRAYS",
            "lorenz96_40, tsit5, F32, ARRAYS",
            "lorenz96_200, dopri5, F64, ARRAYS"})
    void generatedMethodsStayJitCompilable(String system, String method, Precision precision, StateLayout expected)
            throws IOException {
        OdeSystem s = switch (system) {
            case "vdp" -> TestSystems.vanDerPol();
            default -> TestSystems.lorenz96(Integer.parseInt(system.substring("lorenz96_".length())));
        };
        Tableau t = Frontend.standardTableaus().stream().filter(x -> x.name().equals(method)).findFirst().orElseThrow();
        SolverFunction f = SolverLowering.lower(s, io.github.odec.model.Method.of(t), new SolverSpec(Method.named(method), StepControllerKind.PID, precision, true));
        assertEquals(expected, !f.procedures().isEmpty() ? StateLayout.ARRAYS : StateLayout.LOCALS);
        JavaSolverSource source = JavaSolverEmitter.emit(f);
        ClassModel model = ClassFile.of().parse(compile(source));
        for (MethodModel m : model.methods()) {
            int size = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            assertTrue(size < HUGE_METHOD_LIMIT, m.methodName() + " has " + size + " bytes of bytecode");
        }
    }

    private byte[] compile(JavaSolverSource source) throws IOException {
        Path src = dir.resolve(source.simpleName() + ".java");
        Files.writeString(src, source.source());
        String cp = Path.of(CompiledSolver.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-proc:none", "-cp", cp, "-d", dir.toString(), src.toString());
        assertEquals(0, rc, "javac");
        return Files.readAllBytes(dir.resolve(String.join("/", List.of(source.packageName().split("\\.")))
                + "/" + source.simpleName() + ".class"));
    }
}
