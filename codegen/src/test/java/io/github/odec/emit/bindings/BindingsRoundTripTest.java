package io.github.odec.emit.bindings;

import static io.github.odec.pipeline.GeneratedProject.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeModel;
import io.github.odec.pipeline.EmitKind;
import io.github.odec.pipeline.GenerateRequest;
import io.github.odec.pipeline.GeneratedProject;
import io.github.odec.pipeline.ProjectGenerator;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Like jextract's tests: generate bindings for a sample, compile them with javac against the
 * runtime alone, load them without codegen on the class path, solve a batch through the typed API
 * (a driver written as a user would) and compare with the in-memory compiler's solve of the same
 * batch. Both run the same emitted statements on the same inputs, so they must agree bit for bit.
 */
class BindingsRoundTripTest {

    @TempDir
    Path dir;

    /** Instances per batch: enough to span several worker chunks, few enough to stay quick. */
    private static final int N = 48;
    private static final int POINTS = 11;

    @Test
    void vanDerPolDenseAndFinalStateOnly() throws Exception {
        String setters = "b.x(i, 2.0 + 0.01 * i).mu(i, 0.5 + 0.05 * i);";
        String dense = "o.add(r.x(i, k)); o.add(r.y(i, k));";
        String finals = "o.add(r.finalX(i)); o.add(r.finalY(i));";
        Function<String, Object> driver = driver("vanderpol", "VanDerPol", request("dopri5", StepControllerKind.INTEGRAL,
                Precision.F64), "VanDerPol.options()", setters, dense, finals);
        Consumer<Batch> reference = b -> {
            for (int i = 0; i < N; i++) {
                b.state("x", i, 2.0 + 0.01 * i).param("mu", i, 0.5 + 0.05 * i);
            }
        };
        SolverOptions options = SolverOptions.defaults();
        assertSame("vanderpol", "VanDerPol", options, reference, driver, true);
        assertSame("vanderpol", "VanDerPol", options, reference, driver, false);

        String message = (String) driver.apply("wrong");
        assertTrue(message.contains("VanDerPol bindings were generated for method dopri5, controller INTEGRAL, precision F64")
                && message.contains("the options ask for method tsit5"), message);
    }

    @Test
    void pendulumWithTsit5PiAndF32() throws Exception {
        String setters = "b.theta(i, 0.1 + 0.02 * i).length(i, 1.0 + 0.01 * i).damping(0.05);";
        String dense = "o.add(r.theta(i, k)); o.add(r.omega(i, k));";
        String finals = "o.add(r.finalTheta(i)); o.add(r.finalOmega(i));";
        Function<String, Object> driver = driver("pendulum", "Pendulum", request("tsit5", StepControllerKind.PI, Precision.F32),
                "Pendulum.options()", setters, dense, finals);
        Consumer<Batch> reference = b -> {
            b.param("damping", 0.05);
            for (int i = 0; i < N; i++) {
                b.state("theta", i, 0.1 + 0.02 * i).param("length", i, 1.0 + 0.01 * i);
            }
        };
        SolverOptions options = SolverOptions.defaults().withMethod(Method.TSIT5).withController(StepControllerKind.PI)
                .withPrecision(Precision.F32);
        assertSame("pendulum", "Pendulum", options, reference, driver, true);
    }

    @Test
    void lorenz96ArraysWithPid() throws Exception {
        // Whole rows first, then single elements over them: both setter shapes, in the order they apply.
        String setters = "double[] row = new double[40]; java.util.Arrays.fill(row, 8.0 - 0.01 * i); "
                + "b.x(i, row).xElement(i, 0, 8.0 + 0.001 * i).xElement(39, 7.5).F(i, 8.0 + 0.01 * i);";
        String dense = "for (int e = 0; e < 40; e++) o.add(r.x(i, k, e));";
        String finals = "for (int e = 0; e < 40; e++) o.add(r.finalX(i, e));";
        Function<String, Object> driver = driver("lorenz96", "Lorenz96", request("dopri5", StepControllerKind.PID, Precision.F64),
                "Lorenz96.options()", setters, dense, finals);
        Consumer<Batch> reference = b -> {
            for (int i = 0; i < N; i++) {
                for (int e = 0; e < 40; e++) {
                    b.state("x[" + e + "]", i, 8.0 - 0.01 * i);
                }
                b.state("x[0]", i, 8.0 + 0.001 * i).state("x[39]", 7.5).param("F", i, 8.0 + 0.01 * i);
            }
        };
        SolverOptions options = SolverOptions.defaults().withController(StepControllerKind.PID);
        assertSame("lorenz96", "Lorenz96", options, reference, driver, true);
    }

    @Test
    void sirWithFixedStepRk4() throws Exception {
        String setters = "b.I(i, 0.001 * (i + 1)).S(i, 1.0 - 0.001 * (i + 1)).beta(i, 0.2 + 0.005 * i);";
        String dense = "o.add(r.S(i, k)); o.add(r.I(i, k)); o.add(r.R(i, k));";
        // The sample's observes (peakI, tPeak) through their generated accessors.
        String finals = "o.add(r.finalS(i)); o.add(r.finalI(i)); o.add(r.finalR(i)); o.add(r.peakI(i)); o.add(r.tPeak(i));";
        Function<String, Object> driver = driver("sir", "SIR", request("rk4", StepControllerKind.FIXED, Precision.F64),
                "SIR.options().withDt0(0.25)", setters, dense, finals);
        Consumer<Batch> reference = b -> {
            for (int i = 0; i < N; i++) {
                b.state("I", i, 0.001 * (i + 1)).state("S", i, 1.0 - 0.001 * (i + 1)).param("beta", i, 0.2 + 0.005 * i);
            }
        };
        SolverOptions options = SolverOptions.defaults().withMethod(Method.RK4).withController(StepControllerKind.FIXED).withDt0(0.25);
        assertSame("sir", "SIR", options, reference, driver, true);
    }

    @Test
    void theGeneratedCodeRunsWithoutCodegenOrAntlr() throws Exception {
        Path classes = compileWithDriver("vanderpol", "VanDerPol", request("dopri5", StepControllerKind.INTEGRAL, Precision.F64),
                "VanDerPol.options()", "", "", "");
        try (URLClassLoader loader = GeneratedProject.load(classes)) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.github.odec.compile.CompiledSystem"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.antlr.v4.runtime.Lexer"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.palantir.javapoet.JavaFile"));
            Class<?> bindings = loader.loadClass("demo.VanDerPol");
            assertEquals(loader, bindings.getClassLoader());
        }
        String runtime = GeneratedProject.runtimeLocation().toString();
        assertTrue(runtime.contains("runtime"), "the only class path entry is odec-runtime: " + runtime);
    }

    @Test
    void anArrayElementOutsideTheArrayIsAnInvalidInputNamingIt() throws Exception {
        Path classes = compileWithDriver("lorenz96", "Lorenz96", request("dopri5", StepControllerKind.INTEGRAL, Precision.F64),
                "Lorenz96.options()", "", "", "");
        try (URLClassLoader loader = GeneratedProject.load(classes)) {
            Class<?> bindings = loader.loadClass("demo.Lorenz96");
            Object batch = bindings.getMethod("batch", int.class).invoke(null, 2);
            var setter = batch.getClass().getMethod("xElement", int.class, int.class, double.class);
            setter.invoke(batch, 1, 39, 7.0); // the last element is fine
            var e = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> setter.invoke(batch, 1, 40, 7.0));
            assertEquals("io.github.odec.runtime.InvalidInputException", e.getCause().getClass().getName());
            assertEquals("element 40 of x is outside 0..39", e.getCause().getMessage());
            var row = batch.getClass().getMethod("x", double[].class);
            e = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> row.invoke(batch, (Object) new double[3]));
            assertEquals("x: expected 40 values, got 3", e.getCause().getMessage());
        }
    }

    // ---- helpers

    private static GenerateRequest request(String method, StepControllerKind controller, Precision precision) {
        return new GenerateRequest("demo", Optional.empty(), Method.named(method), controller, precision,
                EnumSet.of(EmitKind.BINDINGS, EmitKind.JAVA));
    }

    /**
     * The driver's modes: "dense" and "final" return the flattened outcome (see {@link #flatten}),
     * "wrong" solves with tsit5 and returns the exception's message.
     */
    private Path compileWithDriver(String sample, String type, GenerateRequest request, String options, String setters,
                                   String dense, String finals) throws IOException {
        String driver = """
                package demo;

                public final class Driver implements java.util.function.Function<String, Object> {
                    @Override
                    public Object apply(String mode) {
                        var b = %1$s.batch(%2$d).span(0, 10).rtol(1e-6).atol(1e-9);
                        for (int i = 0; i < %2$d; i++) {
                            %4$s
                        }
                        if (mode.equals("wrong")) {
                            try {
                                b.solve(%3$s.withMethod(io.github.odec.runtime.Method.TSIT5));
                                return "solved";
                            } catch (io.github.odec.runtime.InvalidInputException e) {
                                return e.getMessage();
                            }
                        }
                        if (mode.equals("dense")) {
                            b.evalTimesEvenlySpaced(%7$d);
                        }
                        %1$s.Result r = b.solve(%3$s);
                        var o = java.util.stream.DoubleStream.builder();
                        for (int i = 0; i < r.instances(); i++) {
                            for (int k = 0; k < r.evalCount(); k++) {
                                o.add(r.time(i, k));
                                %5$s
                            }
                            %6$s
                            o.add(r.finalTime(i));
                            o.add(r.status(i).code());
                            o.add(r.statistics(i).fEvals());
                            o.add(r.statistics(i).steps());
                            o.add(r.statistics(i).accepted());
                            o.add(r.statistics(i).rejected());
                            o.add(r.statistics(i).hLast());
                            o.add(r.statistics(i).hMin());
                            o.add(r.statistics(i).hMax());
                            o.add(r.statistics(i).tStop());
                        }
                        return o.build().toArray();
                    }
                }
                """.formatted(type, N, options, setters, dense, finals, POINTS);
        var files = ProjectGenerator.generate(sample(sample), "samples/" + sample + ".ode", request);
        Path src = dir.resolve(sample + "-src");
        var sources = GeneratedProject.write(src, files, Map.of("demo/Driver.java", driver));
        Path classes = dir.resolve(sample + "-classes");
        GeneratedProject.compile(sources, classes);
        return classes;
    }

    @SuppressWarnings("unchecked")
    private Function<String, Object> driver(String sample, String type, GenerateRequest request, String options,
                                            String setters, String dense, String finals) throws Exception {
        Path classes = compileWithDriver(sample, type, request, options, setters, dense, finals);
        // Not closed: the test's assertions call into the loaded classes afterwards; the temp dir is removed.
        URLClassLoader loader = GeneratedProject.load(classes);
        return (Function<String, Object>) loader.loadClass("demo.Driver").getConstructor().newInstance();
    }

    private static void assertSame(String sample, String system, SolverOptions options, Consumer<Batch> setters,
                                   Function<String, Object> driver, boolean dense) throws IOException {
        CompiledSystem compiled = new CompiledSystem(sample(sample), system);
        Batch batch = new Batch(compiled.layout(), N).span(0, 10).rtol(1e-6).atol(1e-9);
        setters.accept(batch);
        if (dense) {
            batch.evalTimesEvenlySpaced(POINTS);
        }
        double[] expected = flatten(Solver.cpu().solve(compiled, batch, options));
        double[] actual = (double[]) driver.apply(dense ? "dense" : "final");
        assertTrue(expected.length > N, "compares real values");
        // Same statements, same inputs, same operation order: no tolerance.
        assertArrayEquals(expected, actual, sample + " through the bindings differs from the in-memory compiler");
    }

    /** Per instance: time and state at each point, final state, observes, final time, status, every statistic. */
    private static double[] flatten(Solution s) {
        DoubleStream.Builder o = DoubleStream.builder();
        for (int i = 0; i < s.instances(); i++) {
            for (int k = 0; k < s.evalCount(); k++) {
                o.add(s.evalTime(i, k));
                for (double v : s.state(i, k)) {
                    o.add(v);
                }
            }
            for (double v : s.finalState(i)) {
                o.add(v);
            }
            for (String name : s.layout().observeNames()) {
                o.add(s.observe(i, name));
            }
            o.add(s.finalTime(i));
            o.add(s.status(i).code());
            o.add(s.statistics(i).fEvals());
            o.add(s.statistics(i).steps());
            o.add(s.statistics(i).accepted());
            o.add(s.statistics(i).rejected());
            o.add(s.statistics(i).hLast());
            o.add(s.statistics(i).hMin());
            o.add(s.statistics(i).hMax());
            o.add(s.statistics(i).tStop());
        }
        return o.build().toArray();
    }
}
