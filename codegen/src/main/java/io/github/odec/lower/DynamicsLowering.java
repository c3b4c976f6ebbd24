package io.github.odec.lower;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrExpr.ArithOp;
import io.github.odec.ir.IrExpr.CompareOp;
import io.github.odec.ir.IrExpr.LogicOp;
import io.github.odec.ir.IrFunction;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.Local;
import io.github.odec.ir.Parameter;
import io.github.odec.ir.Procedure;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.Expr;
import io.github.odec.model.Observe;
import io.github.odec.model.OdeSystem;
import io.github.odec.parse.OwnStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers one evaluation of a system's right-hand side f(t, y) to IR: constant folding, {@code x^n}
 * with a small integer n as multiplications, lets inlined (and shared through CSE, keeping their
 * names where they become locals), then common-subexpression elimination over all derivatives.
 */
public final class DynamicsLowering {

    /** Integer exponents up to this magnitude become multiplications (at most 2*log2 products). */
    static final int MAX_EXPANDED_POWER = 64;

    private final OdeSystem system;
    private Procedure function;

    public DynamicsLowering(OdeSystem system) {
        this.system = system;
    }

    /**
     * Emits the locals of one evaluation into {@code out} and declares {@code derivativeNames.get(j)}
     * for each derivative.
     *
     * @param prefix prefix of temporaries ({@code k2} gives {@code k2_v0}, {@code k2_damping})
     * @return the derivative locals, one per flat state component
     */
    public List<Local> emit(StatementBuilder out, String prefix, IrExpr time, List<IrExpr> state, List<IrExpr> params,
                            List<String> derivativeNames) {
        List<IrExpr> shared = lower(out, prefix, time, state, params);
        List<Local> result = new ArrayList<>();
        for (int j = 0; j < shared.size(); j++) {
            result.add(out.declare(derivativeNames.get(j), ScalarType.REAL, shared.get(j)));
        }
        return result;
    }

    /** Like {@link #emit}, but returns the derivative expressions (shared parts already in locals). */
    public List<IrExpr> lower(StatementBuilder out, String prefix, IrExpr time, List<IrExpr> state, List<IrExpr> params) {
        return lower(out, prefix, time, state, params, system.derivatives());
    }

    /** The arguments of the observes {@code which} at (time, state), lowered like the derivatives. */
    List<IrExpr> observes(StatementBuilder out, String prefix, IrExpr time, List<IrExpr> state, List<IrExpr> params,
                          List<Observe> which) {
        return lower(out, prefix, time, state, params, which.stream().map(Observe::argument).toList());
    }

    private List<IrExpr> lower(StatementBuilder out, String prefix, IrExpr time, List<IrExpr> state, List<IrExpr> params,
                               List<Expr> roots) {
        Translation tr = new Translation(time, state, params);
        List<IrExpr> trees = OwnStack.call("odec-lower-" + system.name(), () -> {
            // In order, so that lowering a let never recurses through the lets before it (a chain of
            // lets may be thousands long); an unused let is lowered but never printed.
            for (int i = 0; i < system.lets().size(); i++) {
                tr.let(i);
            }
            List<IrExpr> lowered = new ArrayList<>();
            for (Expr d : roots) {
                lowered.add(tr.lower(d));
            }
            return lowered;
        });
        return new CommonSubexpressions(out, prefix, tr.letNames).apply(trees);
    }

    /**
     * f as a function of its own, {@code f(t, y, p, dy)} with {@code dy[j] = f_j(t, y, p)}, for systems
     * whose state lives in arrays. Built once: every call site and the printed definition share it.
     */
    public Procedure function() {
        if (function == null) {
            function = buildFunction();
        }
        return function;
    }

    private Procedure buildFunction() {
        int n = system.stateCount();
        StatementBuilder out = new StatementBuilder();
        Local t = new Local("t", ScalarType.REAL);
        LocalArray y = new LocalArray("y", n);
        LocalArray p = new LocalArray("p", Math.max(1, system.paramCount()));
        LocalArray dy = new LocalArray("dy", n);
        List<IrExpr> state = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            state.add(new IrExpr.ArrayElement(y, Ir.integer(j)));
        }
        List<IrExpr> params = new ArrayList<>();
        for (int k = 0; k < system.paramCount(); k++) {
            params.add(new IrExpr.ArrayElement(p, Ir.integer(k)));
        }
        List<IrExpr> f = lower(out, "f", Ir.read(t), state, params);
        for (int j = 0; j < n; j++) {
            out.storeElement(dy, Ir.integer(j), f.get(j));
        }
        return new Procedure("f", "f(t, y): one evaluation of the system's right-hand side into dy.",
                List.of(new Parameter.Scalar(t), new Parameter.Array(y, false), new Parameter.Array(p, false),
                        new Parameter.Array(dy, true)),
                out.build());
    }

    private final class Translation {
        final IrExpr time;
        final List<IrExpr> state;
        final List<IrExpr> params;
        final Map<Integer, IrExpr> lets = new HashMap<>();
        /** Each let's value and name, in source order: CSE names a hoisted value after its first let. */
        final List<Map.Entry<IrExpr, String>> letNames = new ArrayList<>();

        Translation(IrExpr time, List<IrExpr> state, List<IrExpr> params) {
            this.time = time;
            this.state = state;
            this.params = params;
        }

        IrExpr lower(Expr e) {
            return switch (e) {
                case Expr.Num(double v, _) -> Ir.real(v);
                case Expr.StateRef(int i, _) -> state.get(i);
                case Expr.ParamRef(int i, _) -> params.get(i);
                case Expr.Time(_) -> time;
                case Expr.LetRef(int i, _) -> let(i);
                case Expr.Unary(var op, Expr x, _) -> switch (op) {
                    case NEG -> ConstantFolding.negate(lower(x));
                    case NOT -> Ir.not(lower(x));
                };
                case Expr.Binary(var op, Expr l, Expr r, _) -> binary(op, l, r);
                case Expr.Call(var f, List<Expr> args, _) ->
                        ConstantFolding.call(IrFunction.of(f), lowerAll(args));
                case Expr.Conditional(Expr c, Expr a, Expr b, _) -> {
                    IrExpr cond = lower(c);
                    if (cond instanceof IrExpr.BoolLiteral(boolean v)) {
                        yield v ? lower(a) : lower(b);
                    }
                    yield Ir.select(cond, lower(a), lower(b));
                }
            };
        }

        /** A loop, not a stream: this recursion is as deep as the source's nesting. */
        private List<IrExpr> lowerAll(List<Expr> args) {
            List<IrExpr> out = new ArrayList<>(args.size());
            for (Expr a : args) {
                out.add(lower(a));
            }
            return out;
        }

        private IrExpr let(int i) {
            IrExpr v = lets.get(i);
            if (v == null) {
                v = lower(system.lets().get(i).value());
                lets.put(i, v);
                letNames.add(Map.entry(v, system.lets().get(i).name()));
            }
            return v;
        }

        private IrExpr binary(Expr.BinaryOp op, Expr l, Expr r) {
            if (op == Expr.BinaryOp.POW) {
                return power(lower(l), r);
            }
            IrExpr a = lower(l);
            IrExpr b = lower(r);
            return switch (op) {
                case ADD -> ConstantFolding.arith(ArithOp.ADD, a, b);
                case SUB -> ConstantFolding.arith(ArithOp.SUB, a, b);
                case MUL -> ConstantFolding.arith(ArithOp.MUL, a, b);
                case DIV -> ConstantFolding.arith(ArithOp.DIV, a, b);
                case LT -> compare(CompareOp.LT, a, b);
                case LE -> compare(CompareOp.LE, a, b);
                case GT -> compare(CompareOp.GT, a, b);
                case GE -> compare(CompareOp.GE, a, b);
                case EQ -> compare(CompareOp.EQ, a, b);
                case NE -> compare(CompareOp.NE, a, b);
                case AND -> new IrExpr.Logic(LogicOp.AND, a, b);
                case OR -> new IrExpr.Logic(LogicOp.OR, a, b);
                case POW -> throw new AssertionError("handled above");
            };
        }

        private IrExpr compare(CompareOp op, IrExpr a, IrExpr b) {
            var la = ConstantFolding.literal(a);
            var lb = ConstantFolding.literal(b);
            if (la.isPresent() && lb.isPresent()) {
                double x = la.get();
                double y = lb.get();
                return Ir.bool(switch (op) {
                    case LT -> x < y; case LE -> x <= y; case GT -> x > y;
                    case GE -> x >= y; case EQ -> x == y; case NE -> x != y;
                });
            }
            return Ir.cmp(op, a, b);
        }

        private IrExpr power(IrExpr base, Expr exponent) {
            IrExpr ex = lower(exponent);
            var n = ConstantFolding.literal(ex);
            if (n.isPresent() && n.get() == Math.rint(n.get()) && Math.abs(n.get()) <= MAX_EXPANDED_POWER) {
                int k = (int) (double) n.get();
                if (k == 0) {
                    return Ir.real(1.0);
                }
                IrExpr p = integerPower(base, Math.abs(k));
                return k > 0 ? p : ConstantFolding.arith(ArithOp.DIV, Ir.real(1.0), p);
            }
            return ConstantFolding.call(IrFunction.POW, List.of(base, ex));
        }

        /** Repeated squaring; CSE turns the repeated square operands into shared locals. */
        private IrExpr integerPower(IrExpr x, int k) {
            if (k == 1) {
                return x;
            }
            if (k % 2 == 0) {
                IrExpr h = integerPower(x, k / 2);
                return ConstantFolding.arith(ArithOp.MUL, h, h);
            }
            return ConstantFolding.arith(ArithOp.MUL, integerPower(x, k - 1), x);
        }
    }
}
