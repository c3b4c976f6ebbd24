package io.github.odec.cli;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.check.ModelPrinter;
import io.github.odec.model.OdeModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code odec check}: parse and check files, reporting every error of each. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Checks .ode files and reports all their errors with file:line:column and a caret.",
        footer = {"", "Example:", "  odec check samples/lorenz.ode samples/sir.ode", "  odec check --print samples/vanderpol.ode", ""})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .ode files to check.")
    List<Path> files;

    @Option(names = "--print", description = "Print the checked model (flat layout, lets, derivatives, tableaus).")
    boolean print;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        for (Path file : files) {
            failed |= !check(file, out, err);
        }
        out.flush();
        err.flush();
        return failed ? ExitCode.USER_ERROR : ExitCode.OK;
    }

    private boolean check(Path file, PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println("odec: cannot read " + file + ": no such file");
            return false;
        }
        CheckResult result;
        try {
            result = Frontend.checkFile(file);
        } catch (IOException e) {
            err.println("odec: cannot read " + file + ": " + e.getMessage());
            return false;
        }
        err.print(result.render());
        if (result.model().isEmpty()) {
            long errors = result.errorCount();
            err.println(file + ": " + errors + (errors == 1 ? " error" : " errors"));
            return false;
        }
        OdeModel model = result.model().get();
        long own = model.tableaus().size() - Frontend.standardTableaus().size();
        long ownRosenbrock = model.rosenbrocks().size() - Frontend.standardRosenbrocks().size();
        out.println(file + ": ok (" + count(model.systems().size(), "system") + ", " + count(own, "tableau")
                + (ownRosenbrock > 0 ? ", " + count(ownRosenbrock, "rosenbrock method") : "") + ")");
        if (print) {
            out.print(ModelPrinter.print(model, false));
        }
        return true;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
