package io.github.odec.maven;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.diag.Diagnostic;
import io.github.odec.diag.DiagnosticRenderer;
import io.github.odec.diag.SourceFile;
import io.github.odec.pipeline.DiagnosticException;
import io.github.odec.pipeline.EmitKind;
import io.github.odec.pipeline.GenerateRequest;
import io.github.odec.pipeline.GeneratedFile;
import io.github.odec.pipeline.ProjectGenerator;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The plugin's work without Maven: check every {@code .ode} file, then generate the bindings and
 * solver classes of the wanted systems. All files are checked before any fails the build, so one
 * run reports every error.
 */
public final class CodeGeneration {

    private static final Set<EmitKind> EMIT = EnumSet.of(EmitKind.BINDINGS, EmitKind.JAVA);

    private CodeGeneration() {
    }

    /**
     * @param warnings receives rendered warnings (a file that has only warnings still generates)
     * @throws GenerationException with every error rendered as {@code file:line:col: error: ...} plus the
     *                             source line and caret, or a configuration mistake naming the file
     */
    public static List<GeneratedFile> generate(List<OdeSource> sources, GenerationSettings settings,
                                               Consumer<String> warnings) throws GenerationException, IOException {
        List<Checked> checked = new ArrayList<>();
        StringBuilder errors = new StringBuilder();
        for (OdeSource source : sources) {
            String text = Files.readString(source.file(), StandardCharsets.UTF_8);
            CheckResult result = Frontend.check(new SourceFile(source.displayName(), text));
            List<Diagnostic> notErrors = result.diagnostics().stream().filter(d -> !d.isError()).toList();
            if (!notErrors.isEmpty()) {
                warnings.accept(DiagnosticRenderer.renderAll(notErrors));
            }
            if (result.model().isEmpty()) {
                errors.append(DiagnosticRenderer.renderAll(result.diagnostics().stream().filter(Diagnostic::isError).toList()));
            } else {
                checked.add(new Checked(source, result.model().get()));
            }
        }
        if (!errors.isEmpty()) {
            throw new GenerationException(errors.toString().stripTrailing());
        }
        checkSystemsExist(checked, settings.systems());

        List<GeneratedFile> files = new ArrayList<>();
        Map<Path, String> writtenBy = new HashMap<>();
        for (Checked c : checked) {
            for (String system : wantedSystems(c.model(), settings.systems())) {
                for (GeneratedFile f : generate(c, system, settings)) {
                    String previous = writtenBy.putIfAbsent(f.relativePath(), c.source().displayName());
                    if (previous != null) {
                        throw new GenerationException(c.source().displayName() + ": error: it generates "
                                + f.relativePath() + ", which " + previous
                                + " generates too; put the files in different packages or rename a system");
                    }
                    files.add(f);
                }
            }
        }
        return List.copyOf(files);
    }

    private static List<GeneratedFile> generate(Checked c, String system, GenerationSettings settings) throws GenerationException {
        String pkg = settings.packageName().or(() -> c.source().folderPackage()).orElseThrow(() -> new GenerationException(
                c.source().displayName() + ": error: no package: put the file in a folder that names it "
                        + "(src/main/odec/com/acme/" + c.source().file().getFileName() + " generates package com.acme) "
                        + "or set <packageName>"));
        GenerateRequest request = new GenerateRequest(pkg, Optional.of(system), settings.method(), settings.controller(),
                settings.precision(), EMIT);
        try {
            return ProjectGenerator.generate(c.model(), c.source().displayName(), request);
        } catch (DiagnosticException e) {
            // The generator's messages name the problem (unknown method, bad package, ...); add where.
            throw new GenerationException(c.source().displayName() + ": error: " + e.getMessage());
        }
    }

    private static List<String> wantedSystems(OdeModel model, List<String> wanted) {
        return model.systems().stream().map(OdeSystem::name)
                .filter(name -> wanted.isEmpty() || wanted.contains(name)).toList();
    }

    private static void checkSystemsExist(List<Checked> checked, List<String> wanted) throws GenerationException {
        Set<String> defined = new TreeSet<>();
        checked.forEach(c -> c.model().systems().forEach(s -> defined.add(s.name())));
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(defined);
        if (!missing.isEmpty()) {
            throw new GenerationException("<systems> names " + String.join(", ", missing)
                    + ", which no .ode file defines; the files define: "
                    + (defined.isEmpty() ? "(none)" : String.join(", ", defined)));
        }
    }

    private record Checked(OdeSource source, OdeModel model) {
    }
}
