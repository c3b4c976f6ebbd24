package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.odec.check.Frontend;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help that teaches by example, exit codes on the top page, and a completion script bash accepts. */
class HelpAndCompletionTest {

    /** Every subcommand odec has, read from the command line itself so new ones are covered too. */
    private static List<String> subcommands() {
        var cli = OdecCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        // picocli's own "help" prints other commands' help; it has nothing of its own to exemplify.
        return cli.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    }

    @Test
    void everySubcommandsHelpShowsAnExample() {
        List<String> names = subcommands();
        assertTrue(names.containsAll(List.of("check", "methods", "solve", "completion")), names.toString());
        for (String name : names) {
            CliRun run = odec(name, "--help");
            assertEquals(ExitCode.OK, run.exitCode(), name + ": " + run.transcript());
            assertTrue(run.out().contains("Example"), name + " --help:\n" + run.out());
            assertTrue(run.out().contains("odec " + name), name + "'s example runs it:\n" + run.out());
        }
    }

    @Test
    void helpLinesFitEightyColumns() {
        for (String name : subcommands()) {
            for (String line : odec(name, "--help").out().lines().toList()) {
                assertTrue(line.length() <= 80, name + ": " + line.length() + " columns: " + line);
            }
        }
    }

    @Test
    void topHelpListsEveryExitCode() {
        CliRun run = odec("--help");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        for (int code : new int[] {ExitCode.OK, ExitCode.USER_ERROR, ExitCode.USAGE, ExitCode.FAILED_INSTANCES,
                ExitCode.INTERNAL_ERROR}) {
            assertTrue(run.out().lines().anyMatch(l -> l.matches("  " + code + " +\\S.*")), code + " in\n" + run.out());
        }
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        CliRun run = odec("completion");
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out());
        assertTrue(run.out().contains("complete -F _complete_odec"), "registers itself for odec");
        for (String word : List.of("check", "methods", "solve", "completion", "--plot-instances", "--y0")) {
            assertTrue(run.out().contains(word), word);
        }
    }

    @TempDir
    Path dir;

    @Test
    void bashAcceptsTheCompletionScript() throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs bash");
        Path script = Files.writeString(dir.resolve("odec-completion.bash"), odec("completion").out());
        // Sourcing defines the function and registers it; `complete -p odec` fails if it did not.
        Process p = new ProcessBuilder(bash.toString(), "-c", "source '" + script + "' && complete -p odec")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("_complete_odec"), output);
    }

    @Test
    void completionOffersTheValuesOfMethodControllerPrecisionAndBackend() throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs bash");
        Path script = Files.writeString(dir.resolve("odec-completion.bash"), odec("completion").out());
        // What the values are defined by, so that the test follows a new tableau or controller too.
        List<String> methods = Frontend.standardTableaus().stream().map(Tableau::name).toList();
        List<String> controllers = Arrays.stream(StepControllerKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
        List<String> precisions = Arrays.stream(Precision.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
        assertTrue(methods.containsAll(List.of("dopri5", "tsit5", "rk4")), methods.toString());
        assertEquals(List.of("integral", "pi", "pid", "fixed"), controllers);
        assertEquals(List.of("f64", "f32"), precisions);

        for (String command : List.of("solve", "compile", "bench")) {
            assertEquals(methods, complete(script, command, "--method", ""), command);
            assertEquals(controllers, complete(script, command, "--controller", ""), command);
            assertEquals(precisions, complete(script, command, "--precision", ""), command);
        }
        assertEquals(List.of("cpu", "cuda", "cuda-host", "auto"), complete(script, "solve", "--backend", ""));
        // A prefix narrows the offer, as bash users expect.
        assertEquals(List.of("cuda", "cuda-host"), complete(script, "solve", "--backend", "cu"));
        assertEquals(List.of("pi", "pid"), complete(script, "compile", "--controller", "p"));
    }

    /** What the completion script offers for the last of {@code words} after {@code odec}, as bash would ask it. */
    private List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder("odec");
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + words.length + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_odec odec \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("/bin/bash", "-c", program).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
