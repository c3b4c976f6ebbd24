package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.diag.Severity;
import io.github.odec.diag.SourceFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Valid files that draw warnings, and the exact rendered warnings: golden/warnings/CODE.ode beside
 * CODE.expected. A warning never stops a file from checking.
 */
class GoldenWarningTest {

    private static final Path DIR = GoldenFiles.ROOT.resolve("warnings");

    @TestFactory
    Stream<DynamicTest> warnings() {
        return GoldenFiles.find(DIR, ".ode").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            CheckResult result = Frontend.check(new SourceFile(file.getFileName().toString(), GoldenFiles.read(file)));
            assertTrue(result.ok(), () -> "a warning must not stop the file:\n" + result.render());
            String code = file.getFileName().toString().replace(".ode", "");
            assertTrue(!result.diagnostics().isEmpty() && result.diagnostics().stream()
                            .allMatch(d -> d.severity() == Severity.WARNING && d.code().equals(code)),
                    () -> "expected only '" + code + "' warnings, got:\n" + result.render());
            GoldenFiles.check(GoldenFiles.sibling(DIR, file, ".expected"), result.render());
        }));
    }

    @Test
    void everyWarningCodeHasAGoldenFile() {
        Set<String> files = GoldenFiles.find(DIR, ".ode").stream()
                .map(p -> p.getFileName().toString().replace(".ode", "")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> codes = Arrays.stream(CheckWarning.values()).map(CheckWarning::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(files.containsAll(codes), "codes without a golden file: " + codes);
    }

    @Test
    void theSamplesDrawNoWarnings() throws Exception {
        for (Path sample : GoldenFiles.find(GoldenFiles.SAMPLES, ".ode")) {
            CheckResult result = Frontend.checkFile(sample);
            assertTrue(result.diagnostics().isEmpty(), () -> sample + ":\n" + result.render());
        }
    }
}
