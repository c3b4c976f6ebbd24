package io.github.odec.pipeline;

import io.github.odec.check.Frontend;
import io.github.odec.model.OdeModel;
import io.github.odec.runtime.Solver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generated files compiled like a user's project would compile them: javac from disk, with the
 * odec-runtime classes (a directory or jar) as the ONLY class path entry, and loaded in a class
 * loader whose parent is the platform loader, so neither codegen nor ANTLR can be reached.
 */
public final class GeneratedProject {

    private GeneratedProject() {}

    /** A checked sample of samples/ (the tests run in the module folder). */
    public static OdeModel sample(String name) throws IOException {
        return Frontend.checkFile(Path.of("../samples/" + name + ".ode")).model().orElseThrow();
    }

    /** Where this test run finds the runtime: runtime/target/classes or the runtime jar. */
    public static Path runtimeLocation() {
        try {
            return Path.of(Solver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code files} plus {@code extraSources} (relative path to text) under {@code root}. */
    public static List<Path> write(Path root, List<GeneratedFile> files, Map<String, String> extraSources) {
        List<Path> written = new ArrayList<>();
        try {
            for (GeneratedFile f : files) {
                written.add(writeOne(root.resolve(f.relativePath()), f.content()));
            }
            for (var e : extraSources.entrySet()) {
                written.add(writeOne(root.resolve(e.getKey()), e.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private static Path writeOne(Path path, String text) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path;
    }

    /** Compiles {@code sources} into {@code classes}; fails the test with javac's messages. */
    public static void compile(List<Path> sources, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            List<String> options = List.of("-classpath", runtimeLocation().toString(), "-d", classes.toString(),
                    "-proc:none", "-Xlint:all", "-Werror");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder("generated sources do not compile against odec-runtime alone:\n");
                diagnostics.getDiagnostics().forEach(d -> sb.append(d).append('\n'));
                throw new AssertionError(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled classes and the runtime, and nothing else of odec's (the parent is the platform loader). */
    public static URLClassLoader load(Path classes) {
        try {
            URL[] urls = {classes.toUri().toURL(), runtimeLocation().toUri().toURL()};
            return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
