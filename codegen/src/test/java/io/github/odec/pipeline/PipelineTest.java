package io.github.odec.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pass list is the one in docs/architecture.md, names real classes, and follows the flow. */
class PipelineTest {

    private static final String BEGIN = "<!-- passes: generated from Pipeline.passes(), checked by PipelineTest -->";
    private static final String END = "<!-- /passes -->";

    @Test
    void architectureDocListsThePassesOfThePipelineInOrder() throws IOException {
        String doc = Files.readString(Path.of("../docs/architecture.md"), StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/architecture.md has no pass table between " + BEGIN + " and " + END);
        List<String> documented = doc.substring(begin + BEGIN.length(), end).strip().lines().toList();
        List<String> expected = table();
        assertEquals(expected, documented, "docs/architecture.md's pass table differs from Pipeline.passes(); it should read:\n"
                + String.join("\n", expected));
    }

    @Test
    void everyPassNamesAClassThatExists() throws ClassNotFoundException {
        for (Pass p : Pipeline.passes()) {
            Class.forName("io.github.odec." + p.implementation());
            if (p.inside().isPresent()) {
                Class.forName("io.github.odec." + p.inside().get());
            }
        }
    }

    @Test
    void passesFollowTheStagesInOrderAndHaveDistinctNames() {
        List<Pass> passes = Pipeline.passes();
        for (int i = 1; i < passes.size(); i++) {
            assertTrue(passes.get(i - 1).stage().compareTo(passes.get(i).stage()) <= 0,
                    passes.get(i).name() + " comes after a pass of a later stage");
        }
        assertEquals(passes.size(), passes.stream().map(Pass::name).distinct().count());
        assertEquals(Stage.values().length, passes.stream().map(Pass::stage).distinct().count(), "a stage without a pass");
    }

    private static List<String> table() {
        List<Pass> passes = Pipeline.passes();
        List<String> rows = new java.util.ArrayList<>(List.of(
                "| # | stage | pass | class (`io.github.odec.` …) | runs inside | what it does |",
                "| --- | --- | --- | --- | --- | --- |"));
        for (int i = 0; i < passes.size(); i++) {
            Pass p = passes.get(i);
            rows.add("| " + (i + 1) + " | " + p.stage().name().toLowerCase() + " | " + p.name() + " | `" + p.implementation()
                    + "` | " + p.inside().map(h -> "`" + h + "`").orElse("") + " | " + p.job() + " |");
        }
        return rows.stream().map(String::strip).collect(Collectors.toList());
    }
}
