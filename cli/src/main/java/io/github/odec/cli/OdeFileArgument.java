package io.github.odec.cli;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
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

    /** The system named by --system, or the file's only one. */
    OdeSystem chooseSystem(OdeModel model, String system) {
        String names = model.systems().stream().map(OdeSystem::name).collect(Collectors.joining(", "));
        if (system != null) {
            return model.system(system).orElseThrow(() -> new UserError("no system '" + system + "' in " + file
                    + "; it defines: " + names));
        }
        if (model.systems().size() != 1) {
            throw new UserError(file + " defines " + (model.systems().isEmpty() ? "no system"
                    : "several systems: " + names + "; choose one with --system"));
        }
        return model.systems().getFirst();
    }
}
