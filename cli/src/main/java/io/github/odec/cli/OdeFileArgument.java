package io.github.odec.cli;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.model.OdeModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The {@code FILE.ode} argument of the commands that compile a file, and how they load it. */
final class OdeFileArgument {

    @Parameters(index = "0", paramLabel = "FILE.ode", description = "The .ode file.")
    Path file;

    /** The checked model; a file with errors prints its diagnostics to {@code err} and is a user error. */
    OdeModel load(PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("cannot read " + file + ": no such file");
        }
        CheckResult result;
        try {
            result = Frontend.checkFile(file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        if (result.model().isEmpty()) {
            err.print(result.render());
            err.flush();
            throw new UserError(file + ": " + result.errorCount() + (result.errorCount() == 1 ? " error" : " errors"));
        }
        return result.model().get();
    }
}
