package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.diag.Diagnostic;
import io.github.odec.diag.SourceFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad files and the exact rendered diagnostics they give: golden/errors/CODE.ode beside CODE.expected.
 * A file named after an error code must produce that code; one file per code.
 */
class GoldenErrorTest {

    private static final Path DIR = GoldenFiles.ROOT.resolve("errors");

    @TestFactory
    Stream<DynamicTest> errors() {
        return GoldenFiles.find(DIR, ".ode").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            CheckResult result = Frontend.check(new SourceFile(file.getFileName().toString(), GoldenFiles.read(file)));
            assertFalse(result.ok(), "a bad file must not yield a model");
            assertFalse(result.diagnostics().isEmpty());
            String kind = file.getFileName().toString().replace(".ode", "");
            if (allCodes().contains(kind)) {
                assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().equals(kind)),
                        () -> "expected a '" + kind + "' diagnostic, got:\n" + result.render());
            }
            GoldenFiles.check(GoldenFiles.sibling(DIR, file, ".expected"), result.render());
        }));
    }

    @Test
    void everyErrorCodeHasAGoldenFile() {
        Set<String> files = GoldenFiles.find(DIR, ".ode").stream()
                .map(p -> p.getFileName().toString().replace(".ode", "")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(allCodes());
        missing.removeAll(files);
        assertTrue(missing.isEmpty(), "codes without a golden file: " + missing);
    }

    @Test
    void aDiagnosticsOrderFollowsTheSource() {
        CheckResult result = Frontend.check(new SourceFile("all-at-once.ode", GoldenFiles.read(DIR.resolve("all-at-once.ode"))));
        List<Integer> offsets = result.diagnostics().stream().map(d -> d.span().offset()).toList();
        assertTrue(offsets.size() >= 5, "all errors of the file, not only the first: " + offsets);
        assertTrue(offsets.equals(offsets.stream().sorted().toList()), "in source order: " + offsets);
        assertTrue(result.diagnostics().stream().allMatch(Diagnostic::isError));
    }

    private static Set<String> allCodes() {
        Set<String> codes = Arrays.stream(CheckError.values()).map(CheckError::code).collect(Collectors.toCollection(TreeSet::new));
        codes.add("syntax-error");
        return codes;
    }
}
