package io.github.odec.compile;

import io.github.odec.pipeline.InternalCompilerError;
import io.github.odec.runtime.spi.CompiledSolver;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one Java source with the JDK compiler entirely in memory and loads it in a class loader
 * of its own (so a class that is no longer referenced can be unloaded with its loader).
 */
final class InMemoryJavaCompiler {

    /**
     * Idle file managers, each used by one compilation at a time (they are not thread-safe). Reusing
     * one keeps its index of the platform modules and the class path, which a fresh manager rebuilds
     * on every compilation: a third to a half of javac's time on a small solver.
     */
    private static final ConcurrentLinkedQueue<StandardJavaFileManager> FILE_MANAGERS = new ConcurrentLinkedQueue<>();

    /** javac runs in this process, counted so that tests can tell a disk-cache hit from a compile. */
    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private InMemoryJavaCompiler() {}

    static long compilations() {
        return COMPILATIONS.get();
    }

    static Class<?> compile(String binaryName, String source) {
        return compile(binaryName, source, List.of());
    }

    /** With extra javac options (the SIMD solvers need {@code --add-modules jdk.incubator.vector}). */
    static Class<?> compile(String binaryName, String source, List<String> extraOptions) {
        return load(binaryName, classFiles(binaryName, source, extraOptions));
    }

    /** The class files javac makes of {@code source}, by binary name (a top-level class and its nested ones). */
    static Map<String, byte[]> classFiles(String binaryName, String source, List<String> extraOptions) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: odec's CPU backend needs a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = FILE_MANAGERS.poll();
        if (standard == null) {
            standard = javac.getStandardFileManager(null, Locale.ROOT, null);
        }
        try {
            return compile(javac, standard, diagnostics, binaryName, source, extraOptions);
        } finally {
            FILE_MANAGERS.offer(standard);
        }
    }

    private static Map<String, byte[]> compile(JavaCompiler javac, StandardJavaFileManager standard,
                                    DiagnosticCollector<JavaFileObject> diagnostics, String binaryName, String source,
                                    List<String> extraOptions) {
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + binaryName.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = new java.util.ArrayList<>(
                List.of("-classpath", classPath(), "-proc:none", "-g:none", "-Xlint:none"));
        options.addAll(extraOptions);
        // javac reports a crash of its own (e.g. a StackOverflowError on a deep expression) on this writer
        // and as an exception from call(): both become one message, never a stack trace on stderr.
        java.io.StringWriter javacOutput = new java.io.StringWriter();
        COMPILATIONS.incrementAndGet();
        boolean ok;
        try {
            // On a stack of its own: javac recurses over expressions, and fails on a small caller's stack.
            ok = io.github.odec.parse.OwnStack.call("odec-javac",
                    () -> javac.getTask(javacOutput, memory, diagnostics, options, null, List.of(unit)).call());
        } catch (RuntimeException | StackOverflowError | AssertionError crashed) {
            throw new InternalCompilerError("internal error: the Java compiler failed on the code odec generated for "
                    + binaryName + " (" + crashed + "); please report it with the .ode file");
        }
        if (!ok) {
            throw new InternalCompilerError(report(binaryName, source, diagnostics.getDiagnostics()));
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        return bytes;
    }

    /** Defines {@code classes} in a class loader of their own and returns {@code binaryName}. */
    static Class<?> load(String binaryName, Map<String, byte[]> classes) {
        try {
            return new GeneratedClassLoader(Map.copyOf(classes)).loadClass(binaryName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled " + binaryName + " but could not load it", e);
        }
    }

    /** The runtime SPI must be visible to javac wherever odec runs (a jar, target/classes, a fat jar). */
    private static String classPath() {
        String own = "";
        try {
            var source = CompiledSolver.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                own = Path.of(source.getLocation().toURI()).toString();
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // Fall back to the process class path alone.
        }
        String process = System.getProperty("java.class.path", "");
        return own.isEmpty() ? process : own + File.pathSeparator + process;
    }

    private static String report(String binaryName, String source, List<Diagnostic<? extends JavaFileObject>> ds) {
        String[] lines = source.split("\n", -1);
        StringBuilder sb = new StringBuilder("internal error: odec generated Java that does not compile (")
                .append(binaryName).append("); please report it with this message:\n");
        for (Diagnostic<? extends JavaFileObject> d : ds) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            long line = d.getLineNumber();
            sb.append("  line ").append(line).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
            if (line >= 1 && line <= lines.length) {
                sb.append("    ").append(lines[(int) line - 1].strip()).append('\n');
            }
        }
        return sb.toString();
    }

    private static final class GeneratedClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        GeneratedClassLoader(Map<String, byte[]> classes) {
            super(CompiledSolver.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
