package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Solver;
import java.io.IOException;
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

    @TempDir
    Path dir;

    @Test
    void writesBindingsAndSolversThatCompileAgainstTheRuntimeAlone() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = odec("compile", "../samples/vanderpol.ode", "-o", out.toString(), "--package", "demo");
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
        CliRun run = odec("compile", ode.toString(), "-o", dir.resolve("gen").toString(), "--system", "B",
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
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--emit", "jar"), "--emit must be one of");
        assertUserError(odec("compile", "../samples/vanderpol.ode", "-o", o, "--controller", "pd"), "--controller must be one of");
        assertEquals(ExitCode.USAGE, odec("compile", "../samples/vanderpol.ode").exitCode(), "-o is required");
    }

    /** The CUDA kernels of both output modes, and their PTX (nvcc is on this machine and CI's: ODEC_REQUIRE_NVCC). */
    @Test
    void emitsCudaSourcesAndPtx() throws IOException {
        boolean nvcc = io.github.odec.runtime.cuda.Nvcc.find().isPresent();
        if (!nvcc && !"1".equals(System.getenv("ODEC_REQUIRE_NVCC"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "nvcc not found: --emit ptx skipped");
        }
        Path o = dir.resolve("device");
        CliRun run = odec("compile", "../samples/lorenz.ode", "-o", o.toString(), "--method", "tsit5", "--precision", "f32",
                "--emit", "cuda,ptx");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        for (String mode : new String[] {"dense", "final"}) {
            String name = "solve_Lorenz_tsit5_integral_f32_" + mode;
            String cu = Files.readString(o.resolve("cuda/" + name + ".cu"));
            assertTrue(cu.startsWith("// Generated by odec "), cu.lines().findFirst().orElse(""));
            assertTrue(cu.contains("extern \"C\" __global__"), "a kernel entry point");
            String ptx = Files.readString(o.resolve("ptx/" + name + ".ptx"));
            assertTrue(ptx.contains(".target sm_80") || ptx.contains(".target compute_80"), "PTX for compute capability 8.0");
            assertTrue(ptx.contains(".entry"), "a kernel entry in the PTX");
        }
        CliRun again = odec("compile", "../samples/lorenz.ode", "-o", dir.resolve("again").toString(), "--method", "tsit5",
                "--precision", "f32", "--emit", "cuda,ptx");
        assertEquals(ExitCode.OK, again.exitCode(), again.err());
        for (String sub : new String[] {"cuda/solve_Lorenz_tsit5_integral_f32_dense.cu", "ptx/solve_Lorenz_tsit5_integral_f32_dense.ptx"}) {
            assertEquals(Files.readString(o.resolve(sub)), Files.readString(dir.resolve("again").resolve(sub)), "deterministic: " + sub);
        }
    }

    @Test
    void helpShowsAnExample() {
        CliRun run = odec("compile", "--help");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().contains("odec compile samples/vanderpol.ode -o src/main/java --package demo"), run.out());
    }

    private static void assertUserError(CliRun run, String part) {
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains(part), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
