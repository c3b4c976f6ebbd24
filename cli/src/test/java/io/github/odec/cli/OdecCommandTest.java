package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through its factory: exit codes and what goes to stdout and stderr. */
class OdecCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void checkOfCleanFilesPrintsASummaryPerFileAndExitsZero() {
        CliRun run = odec("check", "../samples/lorenz.ode", "../samples/custom_tableau.ode");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals("../samples/lorenz.ode: ok (1 system, 0 tableaus)\n"
                + "../samples/custom_tableau.ode: ok (1 system, 1 tableau)\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void checkReportsEveryErrorRenderedAndExitsOne() throws IOException {
        Path bad = write("bad.ode", "system S {\n    state y = 1;\n    y' = mu2 * y + z;\n}\n");
        CliRun run = odec("check", bad.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode());
        assertEquals(bad + ":3:10: error: unknown identifier 'mu2'\n"
                + "    y' = mu2 * y + z;\n"
                + "         ^~~\n"
                + bad + ":3:20: error: unknown identifier 'z'\n"
                + "    y' = mu2 * y + z;\n"
                + "                   ^\n"
                + bad + ": 2 errors\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void checkPrintsWarningsAndTheFileStillChecksOk() throws IOException {
        Path warned = write("unused.ode", "system S {\n    state y = 1;\n    param k = 1, typo = 2;\n    y' = -k * y;\n}\n");
        CliRun run = odec("check", warned.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals(warned + ":3:18: warning: parameter 'typo' is never used; no derivative depends on it\n"
                + "    param k = 1, typo = 2;\n"
                + "                 ^~~~\n", run.err());
        assertEquals(warned + ": ok (1 system, 0 tableaus)\n", run.out());
    }

    @Test
    void aMissingFileIsAUserErrorWithAMessageAndTheOtherFilesAreStillChecked() {
        CliRun run = odec("check", "nope.ode", "../samples/sir.ode");
        assertEquals(ExitCode.USER_ERROR, run.exitCode());
        assertEquals("odec: cannot read nope.ode: no such file\n", run.err());
        assertEquals("../samples/sir.ode: ok (1 system, 0 tableaus)\n", run.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCode.USAGE, odec("check").exitCode());
        assertEquals(ExitCode.USAGE, odec("check", "--no-such-option", "x.ode").exitCode());
        assertEquals(ExitCode.USAGE, odec("frobnicate").exitCode());
        CliRun bare = odec();
        assertEquals(ExitCode.USAGE, bare.exitCode());
        assertTrue(bare.err().contains("Usage: odec"), bare.err());
    }

    @Test
    void checkPrintShowsTheModel() {
        CliRun run = odec("check", "--print", "../samples/vanderpol.ode");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().contains("system VanDerPol: 2 states, 1 param, 1 let\n"), run.out());
        assertTrue(run.out().contains("  y' = damping * y - x\n"), run.out());
    }

    @Test
    void methodsListsTheStandardLibraryInAlignedColumns() {
        CliRun run = odec("methods");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("NAME"), lines[0]);
        assertTrue(lines[0].matches("NAME +FAMILY +ORDER +EMBEDDED +STAGES +FSAL +DENSE +JACOBIAN +FROM"), lines[0]);
        int orderColumn = lines[0].indexOf("ORDER");
        for (String line : lines) {
            assertFalse(line.endsWith(" "), "no trailing blanks: '" + line + "'");
            assertTrue(line.length() > orderColumn && line.charAt(orderColumn - 1) == ' ', "aligned: " + line);
        }
        assertTrue(run.out().lines().anyMatch(l -> l.matches("rk4 +explicit-rk +4 +- +4 +no +\\w+ +no +standard")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("bosh3 +explicit-rk +3 +2 +4 +yes +\\w+ +no +standard")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("rosenbrock23 +rosenbrock +2 +3 +3 +no +interp +yes +standard")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("rodas4 +rosenbrock +4 +3 +6 +no +interp +yes +standard")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("rodas5p +rosenbrock +5 +4 +8 +no +interp +yes +standard")), run.out());
    }

    @Test
    void methodsWithAFileAddsItsOwnTableaus() {
        CliRun run = odec("methods", "../samples/custom_tableau.ode");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String own = run.out().lines().filter(l -> l.startsWith("ralston3 ")).findFirst().orElseThrow();
        assertTrue(own.matches("ralston3 +explicit-rk +3 +- +3 +no +hermite +no +\\.\\./samples/custom_tableau\\.ode"), own);
    }

    @Test
    void methodsWithAFileAddsItsOwnRosenbrockMethods() throws IOException {
        // Linearly implicit Euler: (I - hJ) k = h f(y), first order.
        Path file = write("euler.ode", "rosenbrock linearEuler { order 1; gamma = 1; b = 1; }\n");
        CliRun run = odec("methods", file.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String last = run.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("linearEuler +rosenbrock +1 +- +1 +no +hermite +yes +" + java.util.regex.Pattern.quote(file.toString())), last);
    }

    @Test
    void methodsOfABadFileShowsItsErrorsAndExitsOne() throws IOException {
        Path bad = write("bad.ode", "tableau t2 { order 2; c = 0, 1; b = 1/2; }\n");
        CliRun run = odec("methods", bad.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("error: b has 1 value, but tableau 't2' has 2 stages"), run.err());
        assertTrue(run.err().endsWith("odec: " + bad + " has errors; no methods listed\n"), run.err());
        assertEquals(ExitCode.USER_ERROR, odec("methods", "missing.ode").exitCode());
    }

    @Test
    void everyCommandsHelpShowsAnExample() {
        for (String[] args : new String[][] {{"--help"}, {"check", "--help"}, {"methods", "--help"}}) {
            CliRun run = odec(args);
            assertEquals(ExitCode.OK, run.exitCode());
            assertTrue(run.out().contains("Example"), String.join(" ", args) + ":\n" + run.out());
        }
    }

    /** Stands in for a bug inside a command, to see the policy for internal errors. */
    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("bug");
        }
    }

    @Test
    void internalErrorsExitThreeWithAStackTraceOnlyWhenVerbose() {
        for (String[] args : new String[][] {{"boom"}, {"boom", "--verbose"}, {"--verbose", "boom"}}) {
            boolean verbose = args.length > 1;
            StringWriter err = new StringWriter();
            var cli = OdecCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
            cli.addSubcommand("boom", new Boom());
            int code = cli.execute(args);
            assertEquals(ExitCode.INTERNAL_ERROR, code);
            assertEquals(verbose, err.toString().contains("\tat "), err.toString());
            assertTrue(err.toString().contains("IllegalStateException: bug"), err.toString());
        }
    }

    @Test
    void versionNamesTheProject() {
        CliRun run = odec("--version");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().startsWith("odec 0."), run.out());
    }
}
