package io.github.odec.cli;

import io.github.odec.pipeline.EmitKind;
import io.github.odec.pipeline.GenerateRequest;
import io.github.odec.pipeline.GeneratedFile;
import io.github.odec.pipeline.ProjectGenerator;
import io.github.odec.model.OdeModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code odec compile}: generate Java bindings and solver classes that need only odec-runtime. */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        description = "Generates Java sources for the systems of a .ode file: typed bindings (a class per system "
                + "with named setters and results) and the solver classes they run. They compile against "
                + "odec-runtime alone: no compiler at run time.",
        footer = {"", "Examples:",
                "  odec compile samples/vanderpol.ode -o src/main/java --package demo",
                "  odec compile samples/pendulum.ode -o gen --method tsit5 --controller pi",
                "",
                "Writes DIR/<package path>/<System>.java (the bindings) and the solvers",
                "<System>_<method>_<controller>_<precision>_dense.java and _final.java,",
                "overwriting files of the same name. With odec-runtime on the class path:",
                "  var r = VanDerPol.batch(100).span(0, 10).mu(1.5).solve();",
                "  double x = r.finalX(7);",
                "See docs/bindings.md.", ""})
final class CompileCommand implements Callable<Integer> {

    static final String DEFAULT_PACKAGE = "odec.generated";

    @Spec
    CommandSpec spec;

    @Mixin
    OdeFileArgument source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Root of the generated sources (a source folder, e.g. src/main/java).")
    Path output;

    @Option(names = "--system", paramLabel = "NAME", description = "Generate this system only (default: every system).")
    String system;

    @Mixin
    MethodOptions method;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--package", paramLabel = "PKG", defaultValue = DEFAULT_PACKAGE,
            description = "Java package of the generated classes (default ${DEFAULT-VALUE}).")
    String packageName;

    @Option(names = "--emit", paramLabel = "KINDS", split = ",", defaultValue = "bindings,java",
            description = "What to write, comma-separated: bindings, java, cuda, ptx (default ${DEFAULT-VALUE}). "
                    + "Bindings need java.")
    List<String> emit = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        OdeModel model = source.load(spec.commandLine().getErr());
        GenerateRequest request = new GenerateRequest(packageName, Optional.ofNullable(system), method.method(),
                method.controllerKind(), precision.value(), kinds());
        // A request that does not fit the model is a DiagnosticException: the user's to fix, printed as a message.
        List<GeneratedFile> files = ProjectGenerator.generate(model, sourceName(), request);
        PrintWriter out = spec.commandLine().getOut();
        for (GeneratedFile f : files) {
            try {
                out.println(f.writeTo(output));
            } catch (IOException e) {
                throw new UserError("cannot write " + output.resolve(f.relativePath()) + ": " + e.getMessage());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The file as the user named it, with '/' on every platform; an absolute path only by its name (reproducible headers). */
    private String sourceName() {
        Path named = source.file.isAbsolute() ? source.file.getFileName() : source.file.normalize();
        return named.toString().replace('\\', '/');
    }

    private EnumSet<EmitKind> kinds() {
        EnumSet<EmitKind> kinds = EnumSet.noneOf(EmitKind.class);
        for (String k : emit) {
            kinds.add(EnumChoice.parse("--emit", k, EmitKind.class));
        }
        if (kinds.isEmpty()) {
            throw new UserError("--emit needs at least one of bindings, java, cuda, ptx");
        }
        return kinds;
    }

}
