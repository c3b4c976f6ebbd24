package io.github.odec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Solver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code odec compile}: what it writes, that it compiles against the runtime alone, and its errors. */
class CompileCommandTest {

    record Run(int exitCode, String out, String err) {}

    private static Run odec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OdecCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @Test
    void writesBindingsAndSolversThatCompileAgainstTheRuntimeAlone() throws Exception {
        Path out = dir.resolve("out");
        Run run = odec("compile", "../samples/vanderpol.ode", "-o", out.toString(), "--package", "demo");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals("", run.err());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(List.of(out.resolve("demo/VanDerPol.java"), out.resolve("demo/VanDerPol_dopri5_integral_f64_dense.java"),
                out.resolve("demo/VanDerPol_dopri5_integral_f64_final.java")), files);
        assertEquals(files.stream().map(p -> p + "\n").reduce("", String::concat), run.out());
        assertTrue(Files.readString(files.getFirst()).contains("from ../samples/vanderpol.ode. Do not edit."));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path runtime = Path.of(Solver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, diagnostics,
                    List.of("-classpath", runtime.toString(), "-d", dir.resolve("classes").toString(), "-proc:none"),
                    null, fm.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(ok, diagnostics.getDiagnostics().toString());
        }
        assertTrue(Files.isRegularFile(dir.resolve("classes/demo/VanDerPol$Batch.class")));
    }

    @Test
    void theDefaultPackageAndOneSystemOfSeveral() throws IOException {
        Path ode = Files.writeString(dir.resolve("two.ode"), "system A { state a = 1.0; a' = -a; }\n"
                + "system B { state b = 1.0; b' = b; }\n");
        Run run = odec("compile", ode.toString(), "-o", dir.resolve("gen").toString(), "--system", "B",
                "--method", "rk4", "--controller", "fixed", "--emit", "java");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(dir.resolve("gen/odec/generated/B_rk4_fixed_f64_dense.java")), run.out());
        assertFalse(Files.exists(dir.resolve("gen/odec/generated/A_rk4_fixed_f64_dense.java")));
        assertFalse(Files.exists(dir.resolve("gen/odec/generated/B.java")), "bindings were not asked for");
    }

    @Test
    void mistakesAreMessagesWithExitCodeOne() {
        String o = dir.resolve("x").toString();
        assertUserError(odec("compile", "nope.ode", "-o", o), "odec: cannot read nope.ode: no such file");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--system", "Nope"), "no system 'Nope'");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--method", "dopri55"), "dopri55");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--method", "rk4"), "cannot adapt its step");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--package", "1demo"), "not a valid Java package");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--emit", "bindings"), "emit java as well");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--emit", "java,cuda"), "not available in this build");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--emit", "jar"), "--emit must be one of");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--controller", "pd"), "--controller must be one of");
        assertEquals(ExitCode.USAGE, odec("compile", "../samples/vanderpol.ode").exitCode(), "-o is required");
    }

    @Test
    void helpShowsAnExample() {
        Run run = odec("compile", "--help");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().contains("odec compile samples/vanderpol.ode -o src/main/java --package demo"), run.out());
    }

    private static void assertUserError(Run run, String part) {
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains(part), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
