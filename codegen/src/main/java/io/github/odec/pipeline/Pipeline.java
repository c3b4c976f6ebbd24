package io.github.odec.pipeline;

import io.github.odec.ir.SolverFunction;
import io.github.odec.lower.SolverLowering;
import io.github.odec.lower.StateLayout;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Method;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * The compiler as one chain of passes, written in one place (as jextract's {@code CodeGenerator}
 * writes its own). {@link #passes()} lists them in order for readers and for docs/architecture.md,
 * which a test keeps equal to this list; the methods below are the steps after {@code check} that
 * both drivers compose: {@link ProjectGenerator} at build time and {@code compile.CompiledSystem} in
 * memory. Parsing and checking are {@code check.Frontend}.
 *
 * <p>There are no model → model transforms yet: they go between {@link Stage#CHECK} and
 * {@link Stage#LOWER}, reading and returning an {@code OdeModel}. The IR optimisations run while
 * lowering builds the IR, not over a finished function (see {@link Pass#inside()}).
 */
public final class Pipeline {

    private static final List<Pass> PASSES = List.of(
            Pass.of(Stage.PARSE, "parse", "parse.AstBuilder", "ANTLR parse tree → AST records, each node with its span"),
            Pass.of(Stage.CHECK, "check", "check.ModelChecker", "names resolved to flat indices, loops unrolled, types and sizes checked"),
            Pass.inside(Stage.CHECK, "fold constants (model)", "check.ConstantFolding", "check.ExpressionChecker",
                    "constant subexpressions and defaults evaluated to numbers"),
            Pass.of(Stage.CHECK, "check tableaus", "check.TableauChecker", "exact coefficients checked against the order conditions"),
            Pass.of(Stage.CHECK, "check rosenbrock methods", "check.RosenbrockChecker",
                    "exact coefficients checked against the Rosenbrock order conditions (H&W IV.7: alpha and alpha + Gamma trees)"),
            Pass.of(Stage.ANALYSE, "differentiate", "derive.Differentiation",
                    "model analysis: df/dx, df/dp, df/dt as model expressions sharing the lets; not yet consumed"),
            Pass.of(Stage.LOWER, "lower", "lower.SolverLowering",
                    "inputs, initial step, the step loop over the seams (stepper, error norm, controller, interpolant), outputs as IR"),
            Pass.inside(Stage.OPTIMISE, "fold constants (IR)", "lower.ConstantFolding", "lower.DynamicsLowering",
                    "literal arithmetic folded as the IR is built"),
            Pass.inside(Stage.OPTIMISE, "common subexpressions", "lower.CommonSubexpressions", "lower.DynamicsLowering",
                    "equal subtrees of the dynamics computed once into locals; tall expressions cut"),
            Pass.inside(Stage.OPTIMISE, "choose state layout", "lower.StateLayout", "lower.SolverLowering",
                    "unrolled locals, or arrays and a dynamics function when the unrolled IR is too large"),
            Pass.of(Stage.OPTIMISE, "if-conversion (SIMD only)", "ir.pass.IfConversion",
                    "per-lane branches and loops → lane masks, blends and any-lane loops, for the Vector API printer"),
            Pass.of(Stage.PRINT, "print Java", "emit.java.JavaSolverEmitter", "IR → a Java solver class (JavaPoet)"),
            Pass.of(Stage.PRINT, "print Java SIMD", "emit.java.JavaVectorSolverEmitter", "IR → a Java solver over Vector API lanes"),
            Pass.of(Stage.PRINT, "print CUDA", "emit.cuda.CudaSolverEmitter", "IR → CUDA C++: a per-instance function under a `__global__` wrapper"),
            Pass.of(Stage.PRINT, "print bindings", "emit.bindings.BindingsEmitter", "model → typed per-system bindings over the runtime"),
            Pass.of(Stage.BUILD, "compile Java", "compile.InMemoryJavaCompiler", "Java source → loaded classes, in memory, cached by hash"),
            Pass.of(Stage.BUILD, "compile PTX", "runtime.cuda.PtxCompiler", "CUDA C++ → PTX with NVRTC or nvcc"));

    private Pipeline() {}

    /** Every pass, in the order the data meets them. */
    public static List<Pass> passes() {
        return PASSES;
    }

    /**
     * Lowers one system for one spec.
     *
     * @throws DiagnosticException     ({@link RequestError#METHOD_NOT_ADAPTIVE}) for an adaptive controller with a
     *                                 method that has no embedded weights, ({@link RequestError#EVENTS_NOT_SOLVED}) for a
     *                                 system with events
     * @throws InternalCompilerError   when lowering runs out of stack, which the checker's bounds rule out
     */
    public static SolverFunction lower(OdeSystem system, Method method, SolverSpec spec) {
        return checked(system, method, spec, () -> SolverLowering.lower(system, method, spec));
    }

    /** {@link #lower(OdeSystem, Method, SolverSpec)} in a layout of the caller's choosing (checks that both agree). */
    public static SolverFunction lower(OdeSystem system, Method method, SolverSpec spec, StateLayout layout) {
        return checked(system, method, spec, () -> SolverLowering.lower(system, method, spec, layout));
    }

    private static SolverFunction checked(OdeSystem system, Method method, SolverSpec spec,
            Supplier<SolverFunction> lowering) {
        if (spec.controller() != StepControllerKind.FIXED && !method.adaptive()) {
            throw new DiagnosticException(RequestError.METHOD_NOT_ADAPTIVE, "method '" + method.name()
                    + "' has no embedded weights (bhat), so it cannot adapt its step with the " + spec.controller()
                    + " controller; use FIXED");
        }
        if (!system.events().isEmpty()) {
            // Refused, not ignored: a solve that silently skipped a terminate or a reset would be wrong.
            throw new DiagnosticException(RequestError.EVENTS_NOT_SOLVED, "system '" + system.name() + "' declares events ("
                    + String.join(", ", system.eventNames()) + "); this version checks them but its step loop does not "
                    + "detect them yet, so it cannot solve the system");
        }
        try {
            return lowering.get();
        } catch (StackOverflowError tooDeep) {
            throw new InternalCompilerError("internal error: lowering " + system.name() + " with " + spec.method()
                    + " ran out of stack; please report it with the .ode file");
        }
    }
}
