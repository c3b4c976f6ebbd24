package io.github.odec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./odec} script, run as a user runs it. It is copied into a folder of its own
 * beside a {@code cli/target/odec.jar} whose manifest points at this test's class path, so the script
 * finds an up-to-date jar and runs the real command line without building anything.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "odec").toAbsolutePath().normalize();
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";

    @TempDir
    Path root;

    private Path ode;

    @BeforeEach
    void launcherBesideAJarOfTheTestClassPath() throws IOException {
        assumeTrue(Files.isRegularFile(LAUNCHER), "the launcher is at " + LAUNCHER + " in a source checkout");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Files.copy(LAUNCHER, root.resolve("odec"));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, OdecCommand.class.getName());
        // Absolute file: URLs (directories end in '/'), so the jar runs from anywhere.
        main.put(Attributes.Name.CLASS_PATH, List.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .stream().map(p -> Path.of(p).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("odec.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar.
        }
        ode = DecaySample.writeTo(root);
    }

    @Test
    void everyCpuPathGivesTheSameValuesAndNoIncubatorWarning() throws Exception {
        String[] solve = {"solve", ode.toString(), "--batch", "3", "--eval", "5", "--rtol", "1e-9", "--atol", "1e-12"};
        Launch raced = launch(solve);
        assertEquals(0, raced.exitCode(), raced.transcript());
        assertFalse(raced.err().contains(INCUBATOR_WARNING), raced.transcript());
        assertTrue(raced.err().contains("3 instances: 3 succeeded"), raced.transcript());
        List<String> rows = raced.out().lines().toList();
        assertEquals("instance,t,y", rows.getFirst());
        assertEquals(1 + 3 * 5, rows.size(), raced.transcript());
        // y(10) = exp(-5); dopri5 at rtol 1e-9 is accurate to a few 1e-9 relative here.
        double last = Double.parseDouble(rows.getLast().split(",")[2]);
        assertEquals(Math.exp(-5), last, 1e-7 * Math.exp(-5));

        // --simd fails without the incubator module, so its success says the launcher added it; the JVM's
        // line about it is dropped, and the lanes give the scalar values bit for bit.
        for (String path : List.of("--simd", "--scalar")) {
            String[] args = java.util.Arrays.copyOf(solve, solve.length + 1);
            args[solve.length] = path;
            Launch run = launch(args);
            assertEquals(0, run.exitCode(), run.transcript());
            assertFalse(run.err().contains(INCUBATOR_WARNING), path + ":\n" + run.transcript());
            assertEquals(raced.out(), run.out(), path);
        }
    }

    @Test
    void commandsThatNeverRunVectorCodeStartWithoutTheWarning() throws Exception {
        for (List<String> args : List.of(List.of("--version"), List.of("methods"), List.of("check", ode.toString()))) {
            Launch run = launch(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), args + ": " + run.transcript());
            assertFalse(run.err().contains(INCUBATOR_WARNING), args + ": " + run.transcript());
            assertFalse(run.out().contains(INCUBATOR_WARNING), args + ": " + run.transcript());
        }
    }

    private record Launch(int exitCode, String out, String err) {
        String transcript() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Launch launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", root.resolve("odec").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        // The JDK running this test is a Java 25 one; the launcher checks that and uses it.
        pb.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Path out = root.resolve("stdout.txt");
        Path err = root.resolve("stderr.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A guard against a hang only: a tiny solve takes a few seconds of JVM start and javac.
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./odec " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Launch(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
