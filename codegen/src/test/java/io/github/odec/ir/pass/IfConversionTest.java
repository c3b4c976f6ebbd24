package io.github.odec.ir.pass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.SolverFunction;
import io.github.odec.ir.Stmt;
import io.github.odec.runtime.Precision;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * If-conversion runs every lane as the per-instance IR runs that instance: a scalar interpreter of the
 * IR and a lane interpreter of the converted IR agree on every active lane, for a program whose lanes
 * diverge (Collatz step counts: a while with a break, an if/else, a for, a while with a condition).
 */
class IfConversionTest {

    private static final Local I = new Local("i", ScalarType.INT);
    private static final Local N = new Local("n", ScalarType.INT);
    private static final Local COUNT = new Local("count", ScalarType.INT);
    private static final Local ACC = new Local("acc", ScalarType.INT);
    private static final Local K = new Local("k", ScalarType.INT);
    private static final int LANES = 16, ACTIVE = 13;

    private static final List<Stmt> COLLATZ = List.of(
            new Stmt.Declare(N, Ir.add(Ir.read(I), Ir.integer(1))),
            new Stmt.Declare(COUNT, Ir.integer(0)),
            new Stmt.Declare(ACC, Ir.integer(0)),
            new Stmt.While(Ir.bool(true), List.of(
                    new Stmt.If(Ir.le(Ir.read(N), Ir.integer(1)), List.of(new Stmt.Break()), List.of()),
                    new Stmt.If(Ir.eq(new IrExpr.Arith(IrExpr.ArithOp.REM, Ir.read(N), Ir.integer(2)), Ir.integer(0)),
                            List.of(new Stmt.Assign(N, Ir.div(Ir.read(N), Ir.integer(2)))),
                            List.of(new Stmt.Assign(N, Ir.add(Ir.mul(Ir.integer(3), Ir.read(N)), Ir.integer(1))))),
                    new Stmt.Assign(COUNT, Ir.add(Ir.read(COUNT), Ir.integer(1))))),
            new Stmt.For(K, 0, 3, List.of(new Stmt.Assign(ACC, Ir.add(Ir.read(ACC), Ir.mul(Ir.read(K), Ir.read(COUNT)))))),
            new Stmt.While(Ir.gt(Ir.read(ACC), Ir.integer(20)), List.of(
                    new Stmt.Assign(ACC, Ir.sub(Ir.read(ACC), Ir.integer(7))))));

    @Test
    void everyActiveLaneComputesWhatItsInstanceComputes() {
        MaskedFunction masked = IfConversion.apply(function(COLLATZ));
        Map<Local, long[]> lanes = new HashMap<>();
        long[] index = new long[LANES], active = new long[LANES];
        for (int l = 0; l < LANES; l++) {
            index[l] = l;
            active[l] = l < ACTIVE ? 1 : 0;
        }
        lanes.put(I, index);
        lanes.put(masked.lanes(), active);
        new LaneInterpreter(lanes).run(masked.function().body());

        long[] counts = new long[ACTIVE], accs = new long[ACTIVE];
        for (int l = 0; l < ACTIVE; l++) {
            Map<Local, Long> scalar = new HashMap<>(Map.of(I, (long) l));
            ScalarInterpreter.run(COLLATZ, scalar);
            counts[l] = scalar.get(COUNT);
            accs[l] = scalar.get(ACC);
        }
        // from none (n = 1) to 19 steps (n = 9): the lanes leave the loop far apart
        assertArrayEquals(new long[]{0, 1, 7, 2, 5, 8, 16, 3, 19, 6, 14, 9, 9}, counts);
        assertArrayEquals(counts, Arrays.copyOf(lanes.get(COUNT), ACTIVE));
        assertArrayEquals(accs, Arrays.copyOf(lanes.get(ACC), ACTIVE));
        assertTrue(Arrays.stream(accs).allMatch(a -> a <= 20));
    }

    @Test
    void convertedIrHoldsNoPerLaneControlFlow() {
        assertOnlyMasked(IfConversion.apply(function(COLLATZ)).function().body());
    }

    @Test
    void breaksItCannotMaskAreRefused() {
        assertThrows(VectorUnsupportedException.class,
                () -> IfConversion.apply(function(List.of(new Stmt.Break()))));
        assertThrows(VectorUnsupportedException.class, () -> IfConversion.apply(function(List.of(
                new Stmt.While(Ir.bool(true), List.of(new Stmt.For(K, 0, 2, List.of(new Stmt.Break()))))))));
    }

    private static void assertOnlyMasked(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            switch (s) {
                case Stmt.Masked.IfAny(var m, var body) -> assertOnlyMasked(body);
                case Stmt.Masked.WhileAny(var m, var head, var body) -> {
                    assertOnlyMasked(head);
                    assertOnlyMasked(body);
                }
                case Stmt.Masked m -> { }
                case Stmt.For(var v, int from, int to, var body) -> assertOnlyMasked(body);
                case Stmt.Comment c -> { }
                default -> throw new AssertionError("left unconverted: " + s);
            }
        }
    }

    private static SolverFunction function(List<Stmt> body) {
        return new SolverFunction("f", Precision.F64, I, body, List.of(), List.of());
    }

    private static long eval(IrExpr e, ToLongFunction<Local> read) {
        return switch (e) {
            case IrExpr.IntLiteral(int v) -> v;
            case IrExpr.BoolLiteral(boolean v) -> v ? 1 : 0;
            case IrExpr.Read(var l) -> read.applyAsLong(l);
            case IrExpr.Arith(var op, var a, var b) -> {
                long x = eval(a, read), y = eval(b, read);
                yield switch (op) {
                    case ADD -> x + y; case SUB -> x - y; case MUL -> x * y; case DIV -> x / y; case REM -> x % y;
                };
            }
            case IrExpr.Compare(var op, var a, var b) -> {
                long x = eval(a, read), y = eval(b, read);
                boolean c = switch (op) {
                    case LT -> x < y; case LE -> x <= y; case GT -> x > y; case GE -> x >= y; case EQ -> x == y; case NE -> x != y;
                };
                yield c ? 1 : 0;
            }
            case IrExpr.Logic(var op, var a, var b) -> op == IrExpr.LogicOp.AND
                    ? eval(a, read) & eval(b, read) : eval(a, read) | eval(b, read);
            default -> throw new AssertionError("not in the test's language: " + e);
        };
    }

    /** The per-instance semantics: C loops and breaks. */
    private static final class ScalarInterpreter {
        /** Runs a block; whether it broke out of its loop. */
        static boolean run(List<Stmt> stmts, Map<Local, Long> env) {
            for (Stmt s : stmts) {
                switch (s) {
                    case Stmt.Declare(var l, var init) -> env.put(l, eval(init, env::get));
                    case Stmt.Assign(var l, var v) -> env.put(l, eval(v, env::get));
                    case Stmt.If(var c, var then, var otherwise) -> {
                        if (run(eval(c, env::get) != 0 ? then : otherwise, env)) {
                            return true;
                        }
                    }
                    case Stmt.While(var c, var body) -> {
                        while (eval(c, env::get) != 0 && !run(body, env)) { }
                    }
                    case Stmt.For(var v, int from, int to, var body) -> {
                        for (long k = from; k < to; k++) {
                            env.put(v, k);
                            run(body, env);
                        }
                    }
                    case Stmt.Break() -> {
                        return true;
                    }
                    default -> throw new AssertionError("not in the test's language: " + s);
                }
            }
            return false;
        }
    }

    /** The lane semantics of masked IR: every lane a long, a mask one 0/1 per lane. */
    private record LaneInterpreter(Map<Local, long[]> env) {
        void run(List<Stmt> stmts) {
            for (Stmt s : stmts) {
                switch (s) {
                    case Stmt.Masked.Declare(var l, var init, var m) -> env.put(l, under(m, init, new long[LANES]));
                    case Stmt.Masked.Temp(var l, var init, var m) -> env.put(l, under(m, init, new long[LANES]));
                    case Stmt.Masked.Outside(var l, var from, var cond) -> {
                        long[] r = new long[LANES];
                        for (int i = 0; i < LANES; i++) {
                            r[i] = env.get(from)[i] & (1 - env.get(cond)[i]);
                        }
                        env.put(l, r);
                    }
                    case Stmt.Masked.Blend(var l, var v, var m) -> under(m, v, env.get(l));
                    case Stmt.Masked.Narrow(var l, var keep, var m) -> {
                        long[] k = under(m, keep, new long[LANES]);
                        for (int i = 0; i < LANES; i++) {
                            env.get(l)[i] &= k[i];
                        }
                    }
                    case Stmt.Masked.Drop(var l, var lanes) -> {
                        for (int i = 0; i < LANES; i++) {
                            env.get(l)[i] &= 1 - env.get(lanes)[i];
                        }
                    }
                    case Stmt.Masked.IfAny(var m, var body) -> {
                        if (any(m)) {
                            run(body);
                        }
                    }
                    case Stmt.Masked.WhileAny(var m, var head, var body) -> {
                        for (int guard = 0; ; guard++) {
                            assertTrue(guard < 10_000, "no lane left the loop");
                            run(head);
                            if (!any(m)) {
                                break;
                            }
                            run(body);
                        }
                    }
                    case Stmt.For(var v, int from, int to, var body) -> {
                        for (int k = from; k < to; k++) {
                            long[] counter = new long[LANES];
                            Arrays.fill(counter, k);
                            env.put(v, counter);
                            run(body);
                        }
                    }
                    default -> throw new AssertionError("not masked IR: " + s);
                }
            }
        }

        /** Evaluates {@code e} in the lanes of {@code mask} into {@code into}; other lanes keep theirs. */
        private long[] under(Local mask, IrExpr e, long[] into) {
            for (int i = 0; i < LANES; i++) {
                int lane = i;
                if (env.get(mask)[i] != 0) {
                    into[i] = eval(e, l -> env.get(l)[lane]);
                }
            }
            return into;
        }

        private boolean any(Local mask) {
            return Arrays.stream(env.get(mask)).anyMatch(b -> b != 0);
        }
    }
}
