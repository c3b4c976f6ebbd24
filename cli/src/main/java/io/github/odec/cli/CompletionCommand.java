package io.github.odec.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code odec completion}: the bash (and zsh) completion script, made by picocli from odec's own commands. */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        description = "Prints a bash completion script for odec (zsh reads it too, after bashcompinit).",
        footer = {"", "Example:", "  source <(odec completion)                  # this shell",
                "  odec completion > ~/.local/share/bash-completion/completions/odec   # every new shell", ""})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // From the root, so the script completes every subcommand and option, this one included.
        out.print(AutoComplete.bash("odec", spec.root().commandLine()));
        out.flush();
        return ExitCode.OK;
    }
}
