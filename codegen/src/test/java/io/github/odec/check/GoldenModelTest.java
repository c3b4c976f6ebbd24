package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.diag.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checked models printed by {@link ModelPrinter}: every sample (../samples/X.ode to golden/samples/X.model.txt)
 * and the small cases of golden/models (X.ode to X.model.txt). Only the file's own tableaus are printed, so
 * that replacing the standard library does not rewrite these files.
 */
class GoldenModelTest {

    @TestFactory
    Stream<DynamicTest> samples() {
        return cases(GoldenFiles.SAMPLES, GoldenFiles.ROOT.resolve("samples"), "samples/");
    }

    @TestFactory
    Stream<DynamicTest> models() {
        Path dir = GoldenFiles.ROOT.resolve("models");
        return cases(dir, dir, "");
    }

    private static Stream<DynamicTest> cases(Path inputs, Path expected, String namePrefix) {
        List<Path> files = GoldenFiles.find(inputs, ".ode");
        assertFalse(files.isEmpty(), "no .ode files in " + inputs.toAbsolutePath());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            SourceFile source = new SourceFile(namePrefix + file.getFileName(), GoldenFiles.read(file));
            CheckResult result = Frontend.check(source);
            assertTrue(result.ok(), () -> "expected a model, got:\n" + result.render());
            assertEquals(List.of(), result.diagnostics());
            GoldenFiles.check(GoldenFiles.sibling(expected, file, ".model.txt"), ModelPrinter.print(result.model().get(), false));
        }));
    }

    @Test
    void everySampleHasAGoldenModel() {
        assertEquals(
                GoldenFiles.find(GoldenFiles.SAMPLES, ".ode").stream().map(p -> p.getFileName().toString().replace(".ode", "")).toList(),
                GoldenFiles.find(GoldenFiles.ROOT.resolve("samples"), ".model.txt").stream()
                        .map(p -> p.getFileName().toString().replace(".model.txt", "")).toList());
    }
}
