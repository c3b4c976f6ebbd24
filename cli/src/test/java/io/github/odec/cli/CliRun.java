package io.github.odec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in this JVM, through {@link OdecCommand#commandLine}: no subprocess. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun odec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OdecCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** For assertion messages: what the run printed. */
    public String transcript() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
