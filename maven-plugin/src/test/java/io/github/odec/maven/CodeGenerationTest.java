package io.github.odec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.pipeline.GeneratedFile;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeGenerationTest {

    private static final String DECAY = """
            system Decay {
                state y = 1.0;
                param k = 0.5;
                y' = -k * y;
            }
            """;

    @TempDir
    Path project;

    private final List<String> warnings = new ArrayList<>();

    private Path odeDir() {
        return project.resolve("src/main/odec");
    }

    private void write(String relative, String text) throws IOException {
        Path file = odeDir().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private List<GeneratedFile> generate(GenerationSettings settings) throws Exception {
        return CodeGeneration.generate(OdeSources.find(odeDir(), project), settings, warnings::add);
    }

    private static GenerationSettings defaults() throws GenerationException {
        return GenerationSettings.parse(null, "dopri5", "integral", "f64", List.of());
    }

    @Test
    void theFolderNamesThePackage() throws Exception {
        write("com/acme/decay.ode", DECAY);
        List<GeneratedFile> files = generate(defaults());
        assertFalse(files.isEmpty());
        for (GeneratedFile f : files) {
            assertTrue(f.relativePath().startsWith(Path.of("com/acme")), f.relativePath().toString());
            assertTrue(f.content().contains("package com.acme;"), f.relativePath().toString());
        }
        assertTrue(files.stream().anyMatch(f -> f.relativePath().equals(Path.of("com/acme/Decay.java"))));
    }

    @Test
    void packageNameOverridesTheFolder() throws Exception {
        write("decay.ode", DECAY);
        var settings = GenerationSettings.parse("org.example.ode", "rk4", "fixed", "F32", List.of());
        List<GeneratedFile> files = generate(settings);
        assertTrue(files.stream().allMatch(f -> f.relativePath().startsWith(Path.of("org/example/ode"))));
        GeneratedFile bindings = files.stream().filter(f -> f.relativePath().endsWith("Decay.java")).findFirst().orElseThrow();
        assertTrue(bindings.content().contains("METHOD = Method.RK4;"), "the method is baked into the bindings");
        assertTrue(bindings.content().contains("StepControllerKind.FIXED"));
        assertTrue(bindings.content().contains("Precision.F32"));
    }

    @Test
    void aFileAtTheRootWithoutPackageNameIsAnError() throws Exception {
        write("decay.ode", DECAY);
        var e = assertThrows(GenerationException.class, () -> generate(defaults()));
        assertTrue(e.getMessage().startsWith("src/main/odec/decay.ode: error: no package"), e.getMessage());
    }

    @Test
    void dslErrorsOfEveryFileAreRenderedWithFileLineColumnAndCaret() throws Exception {
        write("a/one.ode", """
                system One {
                    state x = 1.0;
                    x' = -mu2 * x;
                }
                """);
        write("a/two.ode", "system Two {\n    state y = 1.0\n}\n");
        var e = assertThrows(GenerationException.class, () -> generate(defaults()));
        String message = e.getMessage();
        assertTrue(message.startsWith("src/main/odec/a/one.ode:3:11: error: unknown identifier 'mu2'"), message);
        assertTrue(message.contains("    x' = -mu2 * x;\n          ^~~"), message);
        assertTrue(message.contains("src/main/odec/a/two.ode:"), "both files are reported: " + message);
    }

    @Test
    void onlyTheNamedSystemsAreGenerated() throws Exception {
        write("p/decay.ode", DECAY);
        write("p/growth.ode", DECAY.replace("Decay", "Growth").replace("-k", "k"));
        List<GeneratedFile> files = generate(GenerationSettings.parse(null, "dopri5", "pi", "f64", List.of("Growth")));
        assertTrue(files.stream().anyMatch(f -> f.relativePath().equals(Path.of("p/Growth.java"))));
        assertTrue(files.stream().noneMatch(f -> f.relativePath().toString().contains("Decay")));

        var e = assertThrows(GenerationException.class,
                () -> generate(GenerationSettings.parse(null, "dopri5", "pi", "f64", List.of("Nope"))));
        assertEquals("<systems> names Nope, which no .ode file defines; the files define: Decay, Growth", e.getMessage());
    }

    @Test
    void generatorRefusalsNameTheFile() throws Exception {
        write("p/decay.ode", DECAY);
        var e = assertThrows(GenerationException.class,
                () -> generate(GenerationSettings.parse(null, "nosuch", "integral", "f64", List.of())));
        assertTrue(e.getMessage().startsWith("src/main/odec/p/decay.ode: error: "), e.getMessage());
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    }

    @Test
    void twoFilesGeneratingTheSameClassAreAnError() throws Exception {
        write("p/a.ode", DECAY);
        write("p/b.ode", DECAY);
        var e = assertThrows(GenerationException.class, () -> generate(defaults()));
        assertTrue(e.getMessage().startsWith("src/main/odec/p/b.ode: error: it generates p/Decay"), e.getMessage());
    }

    @Test
    void badSettingsListTheChoices() {
        var e = assertThrows(GenerationException.class, () -> GenerationSettings.parse(null, "dopri5", "pd", "f64", List.of()));
        assertEquals("<controller> is 'pd'; it is one of integral, pi, pid, fixed", e.getMessage());
        var notAName = assertThrows(GenerationException.class, () -> GenerationSettings.parse(null, "rk-4", "pid", "f64", List.of()));
        assertEquals("<method> must be a tableau name (letters, digits and _, not starting with a digit), got 'rk-4'"
                + " (see `odec methods`)", notAName.getMessage());
        assertEquals(new GenerationSettings(Optional.empty(), Method.DOPRI5, StepControllerKind.PID, Precision.F32, List.of()),
                assertDoesNotThrow(() -> GenerationSettings.parse(" ", "dopri5", "Pid", "f32", null)));
    }

    private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
    }
}
