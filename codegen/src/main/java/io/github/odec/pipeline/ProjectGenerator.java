package io.github.odec.pipeline;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.github.odec.emit.bindings.BindingsEmitter;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * Generates the source files of a Java project that solves a model without odec's compiler: per
 * system, the typed bindings ({@link EmitKind#BINDINGS}) and the solver classes they call
 * ({@link EmitKind#JAVA}), under {@code <package path>/}, which compile against odec-runtime alone;
 * and the CUDA kernels ({@link EmitKind#CUDA}, under {@code cuda/}) and their PTX for compute
 * capability 8.0 ({@link EmitKind#PTX}, under {@code ptx/}, where a CUDA compiler is installed).
 */
public final class ProjectGenerator {

    private ProjectGenerator() {
    }

    /**
     * Deterministic: the same inputs give byte-identical files, listed in path order.
     *
     * @param model      the checked model
     * @param sourceName the {@code .ode} file as the user named it (relative), for the header comment
     * @param request    what to generate
     * @throws DiagnosticException   on a request that does not fit the model (unknown system or method, a
     *                                method that cannot adapt with an adaptive controller, an invalid package
     *                                name, bindings without the Java solvers they call, PTX on a machine without
     *                                a CUDA compiler, two classes of one name); its {@link RequestError} says which
     * @throws InternalCompilerError  on a bug of odec's (generated CUDA that its compiler rejects)
     */
    public static List<GeneratedFile> generate(OdeModel model, String sourceName, GenerateRequest request) {
        if (request.packageName().isEmpty() || !SourceVersion.isName(request.packageName())) {
            throw new DiagnosticException(RequestError.INVALID_PACKAGE, "'" + request.packageName()
                    + "' is not a valid Java package name (dot-separated identifiers, no keywords), e.g. odec.generated");
        }
        if (request.emit().contains(EmitKind.BINDINGS) && !request.emit().contains(EmitKind.JAVA)) {
            throw new DiagnosticException(RequestError.BINDINGS_WITHOUT_JAVA,
                    "bindings call the generated Java solver classes: emit java as well");
        }
        io.github.odec.model.Method method = MethodLookup.method(model, request.method().name());
        String header = FileHeader.text(sourceName);
        List<GeneratedFile> files = new ArrayList<>();
        for (OdeSystem system : systems(model, request)) {
            SolverClasses solvers = null;
            for (EmitKind kind : EmitKind.values()) {  // enum order: the same files in the same order every time
                if (!request.emit().contains(kind)) {
                    continue;
                }
                switch (kind) {
                    case JAVA -> {
                        solvers = SolverClasses.of(system, method, request, header);
                        files.add(file(solvers.denseFile()));
                        files.add(file(solvers.finalFile()));
                    }
                    case BINDINGS -> {
                        SolverClasses s = solvers != null ? solvers : SolverClasses.of(system, method, request, header);
                        TypeSpec type = BindingsEmitter.type(system, sourceName, request.packageName(), s.names());
                        files.add(file(SolverClasses.file(request.packageName(), type, header)));
                    }
                    case CUDA -> DeviceSources.kernels(system, method, request)
                            .forEach(k -> files.add(DeviceSources.cuda(k, header)));
                    case PTX -> DeviceSources.kernels(system, method, request)
                            .forEach(k -> files.add(DeviceSources.ptx(k)));
                }
            }
        }
        files.sort(Comparator.comparing(f -> f.relativePath().toString()));
        checkDistinct(files);
        return List.copyOf(files);
    }

    private static List<OdeSystem> systems(OdeModel model, GenerateRequest request) {
        if (request.system().isEmpty()) {
            if (model.systems().isEmpty()) {
                throw new DiagnosticException(RequestError.UNKNOWN_SYSTEM, model.sourceName() + " defines no system");
            }
            return model.systems();
        }
        String name = request.system().get();
        return List.of(model.system(name).orElseThrow(() -> new DiagnosticException(RequestError.UNKNOWN_SYSTEM, "no system '" + name
                + "' in " + model.sourceName() + "; it defines: "
                + model.systems().stream().map(OdeSystem::name).collect(Collectors.joining(", ")))));
    }

    private static GeneratedFile file(JavaFile javaFile) {
        Path path = Path.of(javaFile.packageName().replace('.', '/'), javaFile.typeSpec().name() + ".java");
        return new GeneratedFile(path, javaFile.toString());
    }

    /** Two systems whose names differ only by the underscores that make them legal would overwrite each other. */
    private static void checkDistinct(List<GeneratedFile> files) {
        Set<Path> seen = new HashSet<>();
        for (GeneratedFile f : files) {
            if (!seen.add(f.relativePath())) {
                throw new DiagnosticException(RequestError.NAME_CLASH, "two generated classes would both be " + f.relativePath()
                        + "; rename one of the systems");
            }
        }
    }
}
