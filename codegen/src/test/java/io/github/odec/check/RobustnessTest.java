package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.diag.SourceFile;
import io.github.odec.parse.OdecLexer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * Seeded random token-level mutations (4500: 500 of each of 9 files) of the samples (delete, duplicate, swap, replace, truncate).
 * Each mutant must give either a model or at least one error diagnostic, and nothing else: no
 * exception escapes the front end, and rendering never fails.
 */
class RobustnessTest {

    private static final int MUTANTS_PER_SAMPLE = 500;

    @Test
    void mutatedSamplesGiveDiagnosticsOrAModelNeverAnException() {
        Random random = new Random(20261128);
        // The samples, plus the small golden models, which cover tableaus and every expression form.
        List<Path> samples = new ArrayList<>(GoldenFiles.find(GoldenFiles.SAMPLES, ".ode"));
        samples.addAll(GoldenFiles.find(GoldenFiles.ROOT.resolve("models"), ".ode"));
        assertFalse(samples.isEmpty());
        int total = 0;
        int models = 0;
        for (Path sample : samples) {
            String text = GoldenFiles.read(sample);
            List<? extends Token> tokens = new OdecLexer(CharStreams.fromString(text)).getAllTokens();
            for (int n = 0; n < MUTANTS_PER_SAMPLE; n++) {
                String mutant = mutate(text, tokens, random);
                CheckResult result;
                try {
                    result = Frontend.check(new SourceFile("mutant.ode", mutant));
                    result.render();
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("front end threw on mutant of " + sample + ":\n" + mutant, e);
                }
                if (result.ok()) {
                    models++;
                    assertEquals(0, result.errorCount());
                } else {
                    assertTrue(result.errorCount() > 0, () -> "no model but no error for:\n" + mutant);
                }
                total++;
            }
        }
        assertTrue(total >= 3000, "mutants: " + total);
        // Both outcomes must occur, or the mutations are not exercising the checker.
        assertTrue(models > 0 && models < total, "models: " + models + " of " + total);
    }

    private static String mutate(String text, List<? extends Token> tokens, Random random) {
        Token a = tokens.get(random.nextInt(tokens.size()));
        Token b = tokens.get(random.nextInt(tokens.size()));
        return switch (random.nextInt(5)) {
            case 0 -> replace(text, a, ""); // delete
            case 1 -> replace(text, a, a.getText() + " " + a.getText()); // duplicate
            case 2 -> swap(text, a, b);
            case 3 -> replace(text, a, b.getText()); // replace by another token of the file
            default -> text.substring(0, random.nextInt(text.length() + 1)); // truncate
        };
    }

    private static String replace(String text, Token t, String with) {
        return text.substring(0, t.getStartIndex()) + with + text.substring(t.getStopIndex() + 1);
    }

    private static String swap(String text, Token a, Token b) {
        if (a.getStartIndex() == b.getStartIndex()) {
            return text;
        }
        Token first = a.getStartIndex() < b.getStartIndex() ? a : b;
        Token second = first == a ? b : a;
        return text.substring(0, first.getStartIndex()) + second.getText()
                + text.substring(first.getStopIndex() + 1, second.getStartIndex()) + first.getText()
                + text.substring(second.getStopIndex() + 1);
    }
}
