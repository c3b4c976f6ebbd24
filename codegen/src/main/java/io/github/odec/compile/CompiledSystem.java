package io.github.odec.compile;

import io.github.odec.check.Frontend;
import io.github.odec.pipeline.MethodLookup;
import io.github.odec.pipeline.Pipeline;
import io.github.odec.emit.cuda.CudaSolverEmitter;
import io.github.odec.emit.java.JavaDynamicsEmitter;
import io.github.odec.emit.java.JavaSolverEmitter;
import io.github.odec.emit.java.JavaSolverSource;
import io.github.odec.emit.java.JavaVectorSolverEmitter;
import io.github.odec.ir.SolverFunction;
import io.github.odec.ir.pass.IfConversion;
import io.github.odec.ir.pass.VectorUnsupportedException;
import io.github.odec.lower.SolverLowering;
import io.github.odec.lower.StateLayout;
import io.github.odec.model.Component;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Rosenbrock;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.CudaKernelSource;
import io.github.odec.runtime.spi.CudaSolverFactory;
import io.github.odec.runtime.spi.SolverFactory;
import io.github.odec.runtime.spi.SolverSignature;
import io.github.odec.runtime.spi.SolverSpec;
import io.github.odec.runtime.spi.SystemLayout;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CPU backend's solver factory for one system: lowers, emits Java, compiles in memory and caches
 * one solver per spec (the classes themselves are shared process-wide by source hash).
 */
public final class CompiledSystem implements CudaSolverFactory {

    private final OdeSystem system;
    private final List<Tableau> tableaus;
    private final List<Rosenbrock> rosenbrocks;
    private final SystemLayout layout;
    private static final List<String> VECTOR_JAVAC = List.of("--add-modules", "jdk.incubator.vector");
    /** Compiles lane solvers off the solving threads; a daemon, so a short solve exits without waiting for javac. */
    private static final Executor LANE_COMPILER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon(true).name("odec-lane-compiler").factory());
    private final Map<SolverSpec, CompiledSolver> solvers = new ConcurrentHashMap<>();
    private final Map<SolverSpec, CompiledSolver> simdSolvers = new ConcurrentHashMap<>();
    private final Map<SolverSpec, CompiledSolver> racingSolvers = new ConcurrentHashMap<>();

    /** A system with these tableaus and the standard library's Rosenbrock methods. */
    public CompiledSystem(OdeSystem system, List<Tableau> tableaus) {
        this(system, tableaus, Frontend.standardRosenbrocks());
    }

    public CompiledSystem(OdeSystem system, List<Tableau> tableaus, List<Rosenbrock> rosenbrocks) {
        this.system = Objects.requireNonNull(system);
        this.tableaus = List.copyOf(tableaus);
        this.rosenbrocks = List.copyOf(rosenbrocks);
        this.layout = new SystemLayout(system.name(), system.stateNames(), defaults(system.states()),
                system.paramNames(), defaults(system.params()), system.observeNames());
    }

    /** The system named {@code systemName} of a checked model, with the model's methods. */
    public CompiledSystem(OdeModel model, String systemName) {
        this(model.system(systemName).orElseThrow(() -> new IllegalArgumentException(
                "no system '" + systemName + "' in " + model.sourceName() + "; it defines: "
                        + model.systems().stream().map(OdeSystem::name).collect(Collectors.joining(", ")))),
                model.tableaus(), model.rosenbrocks());
    }

    @Override
    public SystemLayout layout() {
        return layout;
    }

    @Override
    public CompiledSolver solver(SolverSpec spec) {
        return solvers.computeIfAbsent(spec, this::build);
    }

    /** The generated Java source for a spec, for inspection (the CLI, golden tests). */
    public JavaSolverSource javaSource(SolverSpec spec) {
        return JavaSolverEmitter.emit(lower(spec));
    }

    /** The generated SIMD Java for a spec (Vector API lanes); throws VectorUnsupportedException for the array layout. */
    public JavaSolverSource vectorJavaSource(SolverSpec spec) {
        return JavaVectorSolverEmitter.emit(IfConversion.apply(lower(spec)));
    }

    /** Whether this JVM was started with {@code --add-modules jdk.incubator.vector}. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The SIMD solver for a spec: instances as Vector API lanes, bit for bit the scalar solver's
     * results. Systems in the array layout (large systems) get the scalar solver.
     *
     * @throws IllegalStateException when the JVM lacks the jdk.incubator.vector module
     */
    public CompiledSolver simdSolver(SolverSpec spec) {
        if (!vectorApiAvailable()) {
            throw new IllegalStateException("the SIMD path needs the Vector API: start Java with "
                    + "--add-modules jdk.incubator.vector");
        }
        return simdSolvers.computeIfAbsent(spec, s -> {
            JavaSolverSource source;
            try {
                source = vectorJavaSource(s);
            } catch (VectorUnsupportedException e) {
                return solver(s);
            }
            return construct(SolverClassCache.classFor(source, VECTOR_JAVAC), s);
        });
    }

    /** This system as a factory of SIMD solvers (see {@link #simdSolver}): pass it wherever a SolverFactory goes. */
    public SolverFactory simd() {
        return factoryOf(this::simdSolver);
    }

    /** This system as a factory of the solvers {@code solvers} gives. */
    private SolverFactory factoryOf(Function<SolverSpec, CompiledSolver> solvers) {
        return new SolverFactory() {
            @Override
            public SystemLayout layout() {
                return layout;
            }

            @Override
            public CompiledSolver solver(SolverSpec spec) {
                return solvers.apply(spec);
            }
        };
    }

    /**
     * The CPU default for a spec: the scalar solver at once, raced against the lane solver, which is
     * compiled on a background thread once the batch is large enough to gain from it ({@link RacingSolver}; same results bit
     * for bit). Without the Vector API in this JVM it is the scalar solver.
     */
    public CompiledSolver racingSolver(SolverSpec spec) {
        CompiledSolver scalar = solver(spec);
        if (!vectorApiAvailable()) {
            return scalar;
        }
        return racingSolvers.computeIfAbsent(spec, s -> new RacingSolver(scalar,
                () -> CompletableFuture.supplyAsync(() -> simdSolver(s), LANE_COMPILER)));
    }

    /** This system as a factory of racing solvers (see {@link #racingSolver}). */
    public SolverFactory racing() {
        return factoryOf(this::racingSolver);
    }

    /** The generated CUDA C++ for a spec: what the CUDA backends compile and run. */
    @Override
    public CudaKernelSource cudaSource(SolverSpec spec) {
        return CudaSolverEmitter.emit(lower(spec));
    }

    public SolverSignature signature(SolverSpec spec) {
        return new SolverSignature(layout, spec, SolverLowering.errorOrder(method(spec.method()), spec.controller()));
    }

    /** The right-hand side alone, compiled from the same IR the solvers inline (benchmarks, other integrators). */
    public DynamicsKernel dynamics() {
        Class<?> type = SolverClassCache.classFor(JavaDynamicsEmitter.emit(system));
        try {
            return (DynamicsKernel) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("internal error: cannot instantiate generated " + type.getName(), e);
        }
    }

    /** A solver in a layout of the caller's choosing (not cached per spec): for checks that both layouts agree. */
    public CompiledSolver solver(SolverSpec spec, StateLayout layout) {
        return instantiate(JavaSolverEmitter.emit(Pipeline.lower(system, method(spec.method()), spec, layout)), spec);
    }

    private CompiledSolver build(SolverSpec spec) {
        return instantiate(javaSource(spec), spec);
    }

    private CompiledSolver instantiate(JavaSolverSource source, SolverSpec spec) {
        return construct(SolverClassCache.classFor(source), spec);
    }

    private CompiledSolver construct(Class<?> type, SolverSpec spec) {
        try {
            return (CompiledSolver) type.getConstructor(SolverSignature.class).newInstance(signature(spec));
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("internal error: cannot instantiate generated " + type.getName(), e);
        }
    }

    private SolverFunction lower(SolverSpec spec) {
        return Pipeline.lower(system, method(spec.method()), spec);
    }

    /** The checked method a runtime handle names, of either family (the CLI asks it whether the method is explicit). */
    public io.github.odec.model.Method method(Method method) {
        return MethodLookup.method(tableaus, rosenbrocks, method.name());
    }

    private static List<Double> defaults(List<Component> components) {
        List<Double> out = new ArrayList<>();
        for (Component c : components) {
            for (int e = 0; e < c.length(); e++) {
                out.add(c.hasDefaults() ? c.defaults().get(e) : Double.NaN);
            }
        }
        return out;
    }
}
