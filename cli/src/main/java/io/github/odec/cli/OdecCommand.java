package io.github.odec.cli;

import io.github.odec.pipeline.DiagnosticException;
import io.github.odec.cli.csv.CsvInputException;
import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.InvalidInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code odec}: the top command. Each subcommand is its own class. */
@Command(name = "odec",
        mixinStandardHelpOptions = true,
        versionProvider = OdecVersion.class,
        description = "Compiles .ode systems and Runge-Kutta tableaus into batched ODE solvers.",
        subcommands = {CheckCommand.class, MethodsCommand.class, SolveCommand.class, CompileCommand.class,
                BenchCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  odec check samples/lorenz.ode", "  odec methods samples/custom_tableau.ode",
                "  odec solve samples/vanderpol.ode --batch 256 --eval 200 --out vdp.csv", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:a mistake in the input: .ode errors, bad option values, a malformed CSV",
                "2:usage error: unknown option, missing argument", "3:odec solve: some instances failed (see --stats)",
                "4:internal error (--verbose shows the stack trace)"})
public final class OdecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces of internal errors (never needed for mistakes in .ode files).")
    boolean verbose;

    /** Without a subcommand there is nothing to do: show how to use odec. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        int code = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        System.exit(code);
    }

    /** The command line writing to {@code out} and {@code err}, with odec's exit-code policy; tests use this. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OdecCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter e = err;
            if (isUserMistake(ex)) {
                e.println("odec: " + (ex instanceof InvalidInputException invalid ? OptionNames.message(invalid)
                        : ex.getMessage()));
                e.flush();
                return ExitCode.USER_ERROR;
            }
            if (verbose(parseResult)) {
                ex.printStackTrace(e);
            } else {
                e.println("odec: internal error: " + ex + " (run with --verbose for the stack trace)");
            }
            e.flush();
            return ExitCode.INTERNAL_ERROR;
        });
        return cli;
    }

    /** Mistakes in the user's input: a message and exit code 1, never a stack trace. */
    private static boolean isUserMistake(Exception ex) {
        return ex instanceof UserError || ex instanceof InvalidInputException || ex instanceof CsvInputException
                || ex instanceof DiagnosticException || ex instanceof CudaUnavailableException;
    }

    /** Whether --verbose was given anywhere: on odec itself or on the subcommand (it is inherited). */
    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
