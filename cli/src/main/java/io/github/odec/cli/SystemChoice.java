package io.github.odec.cli;

import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** {@code --system}: the one system {@code solve} and {@code bench} run, which a file of one system need not name. */
final class SystemChoice {

    @Option(names = "--system", paramLabel = "NAME", description = "The system to solve (default: the file's only system).")
    String name;

    /** The system named by --system, or the file's only one. */
    OdeSystem of(OdeModel model, OdeFileArgument source) {
        String names = model.systems().stream().map(OdeSystem::name).collect(Collectors.joining(", "));
        if (name != null) {
            return model.system(name).orElseThrow(() -> new UserError("no system '" + name + "' in " + source.file
                    + "; it defines: " + names));
        }
        if (model.systems().size() != 1) {
            throw new UserError(source.file + " defines " + (model.systems().isEmpty() ? "no system"
                    : "several systems: " + names + "; choose one with --system"));
        }
        return model.systems().getFirst();
    }
}
