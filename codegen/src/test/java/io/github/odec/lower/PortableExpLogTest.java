package io.github.odec.lower;

import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.ir.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The controller's power x^e = e^(e ln x) from + − × ÷ against {@code Math.pow}, over error ratios
 * from subnormal to 1e300 and the exponents the controllers use. The emitted IR is run by a small
 * interpreter in Java doubles, the semantics every printer reproduces.
 */
class PortableExpLogTest {

    private static final Local X = new Local("x", io.github.odec.ir.ScalarType.REAL);
    private static final Local E = new Local("e", io.github.odec.ir.ScalarType.REAL);

    private static final PortableExpLog F64 = new PortableExpLog(io.github.odec.runtime.Precision.F64);

    /** x^e through the emitted log and exp. */
    private static final List<Stmt> POWER;
    private static final Local RESULT;

    static {
        StatementBuilder out = new StatementBuilder();
        Local ln = F64.log(out, "ln", read(X));
        RESULT = F64.exp(out, "pw", mul(read(E), read(ln)));
        POWER = out.build();
    }

    private static double power(double x, double e) {
        Map<Local, Object> env = new HashMap<>();
        env.put(X, x);
        env.put(E, e);
        new IrInterpreter(false).run(POWER, env);
        return (Double) env.get(RESULT);
    }

    /** x^e in F32: every literal and operation rounded to float, as the printed float code does. */
    private static double powerF32(float x, float e) {
        StatementBuilder out = new StatementBuilder();
        PortableExpLog f32 = new PortableExpLog(io.github.odec.runtime.Precision.F32);
        Local result = f32.exp(out, "pw", mul(read(E), read(f32.log(out, "ln", read(X)))));
        Map<Local, Object> env = new HashMap<>();
        env.put(X, (double) x);
        env.put(E, (double) e);
        new IrInterpreter(true).run(out.build(), env);
        return (Double) env.get(result);
    }

    private static double log(double x) {
        StatementBuilder out = new StatementBuilder();
        Local ln = F64.log(out, "ln", real(x));
        Map<Local, Object> env = new HashMap<>();
        new IrInterpreter(false).run(out.build(), env);
        return (Double) env.get(ln);
    }

    /** Controller exponents: -1/k (integral, rejections), diffrax's PI and PID presets over k, 1/p initial steps. */
    private static final double[] EXPONENTS;

    static {
        double[] e = new double[9 * 6];
        for (int k = 1; k <= 9; k++) {
            double[] perK = {-1.0 / k, 1.0 / k, -(0.3 + 0.4) / k, 0.4 / k, -(1.0 / 18 + 1.0 / 9 + 1.0 / 18) / k,
                    (1.0 / 18 + 2.0 / 18) / k};
            System.arraycopy(perK, 0, e, (k - 1) * 6, 6);
        }
        EXPONENTS = e;
    }

    @Test
    void powerMatchesMathPowToOneInTenToTheThirteen() {
        double worst = 0;
        double worstModerate = 0;   // results in [1e-6, 1e6], the range a factor clip keeps
        int n = 0;
        for (double e : EXPONENTS) {
            for (double lg = -320; lg <= 300; lg += 0.37) {
                double x = Math.pow(10, lg);
                double expected = Math.pow(x, e);
                if (x == 0 || expected < 1e-300 || expected > 1e300) {
                    continue;
                }
                double rel = Math.abs(power(x, e) - expected) / expected;
                worst = Math.max(worst, rel);
                if (expected > 1e-6 && expected < 1e6) {
                    worstModerate = Math.max(worstModerate, rel);
                }
                n++;
            }
        }
        assertTrue(n > 50_000, "points: " + n);
        System.out.printf("x^e against Math.pow at %d points: max relative error %.3g, %.3g for results in [1e-6, 1e6]%n",
                n, worst, worstModerate);
        assertTrue(worst < 1e-13, "max relative error " + worst);
        assertTrue(worstModerate < 3e-15, "max relative error where |e ln x| < 14: " + worstModerate);
    }

    @Test
    void logIsAccurateOverTheWholeRangeIncludingSubnormals() {
        double worst = 0;
        for (double x : new double[] {Double.MIN_VALUE, 3 * Double.MIN_VALUE, 0x1p-1060, Double.MIN_NORMAL, 1e-300, 1e-20,
                0.5, 0.70710678118654752, 0.7071067811865476, 0.9999999999, 1.0, 1.0000000001, 1.4142135623730951,
                1.4142135623730954, 2.0, 3.0, 10.0, 1e20, 1e300, Double.MAX_VALUE}) {
            worst = Math.max(worst, Math.abs(log(x) - Math.log(x)) / Math.max(1.0, Math.abs(Math.log(x))));
        }
        assertTrue(worst < 4e-16, "max error of ln (absolute below 1, relative above): " + worst);
        assertEquals(0.0, log(1.0));
        assertEquals(1.0, power(1.0, -0.2));
    }

    /**
     * Fifth roots of 2^(5j), subnormal bases included: the error grows with |y| = |ln x| / 5, as one
     * ulp of ln x does (1.1e-13 at 2^-1070): within (2 + |y|) * 2.5e-16 relative.
     */
    @Test
    void fifthRootsOfPowersOfTwo() {
        for (int j = -214; j <= 204; j += 3) {
            double x = Math.scalb(1.0, 5 * j);
            double expected = Math.pow(x, 0.2);
            double bound = (2 + Math.abs(j * Math.log(2))) * 2.5e-16 * expected;
            assertEquals(expected, power(x, 0.2), bound, "2^" + (5 * j) + " ^ 1/5");
        }
    }

    /** The exponent clamp: e^±700 stands for anything beyond, as the factor clips far inside it. */
    @Test
    void hugeExponentsSaturateAtEToThe700() {
        assertEquals(Math.exp(700), power(Double.MIN_VALUE, -1.0), Math.exp(700) * 1e-13);
        assertEquals(Math.exp(-700), power(Double.MAX_VALUE, -2.0), Math.exp(-700) * 1e-13);
    }

    /**
     * F32, subnormal ratios included, results in [1e-6, 1e6]: within 2^-18 relative. Computed in floats,
     * the error is |e| times an ulp of ln x (about 17 float ulps at worst here); Math.pow's was in double.
     */
    @Test
    void powerInF32IsWithinTwoToTheMinusEighteen() {
        double worst = 0;
        for (double e : EXPONENTS) {
            for (double lg = -44; lg <= 38; lg += 0.11) {
                float x = (float) Math.pow(10, lg);
                double expected = Math.pow(x, (float) e);
                if (x == 0 || expected < 1e-6 || expected > 1e6) {
                    continue;
                }
                worst = Math.max(worst, Math.abs(powerF32(x, (float) e) - expected) / expected);
            }
        }
        System.out.printf("F32 x^e against Math.pow: max relative error %.3g%n", worst);
        assertTrue(worst < 0x1p-18, "max relative error " + worst);
    }

    /** Just the IR the two functions emit, evaluated as Java evaluates the printed source (F32: in floats). */
    private record IrInterpreter(boolean f32) {

        private double round(double v) {
            return f32 ? (float) v : v;
        }

        void run(List<Stmt> body, Map<Local, Object> env) {
            for (Stmt s : body) {
                switch (s) {
                    case Stmt.Declare(Local l, IrExpr init) -> env.put(l, eval(init, env));
                    case Stmt.Assign(Local l, IrExpr value) -> env.put(l, eval(value, env));
                    case Stmt.Comment c -> { }
                    case Stmt.For(Local i, int from, int to, List<Stmt> loop) -> {
                        for (int k = from; k < to; k++) {
                            run(loop, env);
                        }
                    }
                    default -> throw new AssertionError("not emitted by PortableExpLog: " + s);
                }
            }
        }

        private double real(IrExpr e, Map<Local, Object> env) {
            return (Double) eval(e, env);
        }

        private Object eval(IrExpr e, Map<Local, Object> env) {
            return switch (e) {
                case IrExpr.RealLiteral r -> round(r.value());
                case IrExpr.Read(Local l) -> env.get(l);
                case IrExpr.Negate(IrExpr a) -> -real(a, env);
                case IrExpr.Arith(var op, IrExpr a, IrExpr b) -> {
                    double x = real(a, env);
                    double y = real(b, env);
                    yield round(switch (op) {
                        case ADD -> x + y; case SUB -> x - y; case MUL -> x * y; case DIV -> x / y; case REM -> x % y;
                    });
                }
                case IrExpr.Compare(var op, IrExpr a, IrExpr b) -> {
                    double x = real(a, env);
                    double y = real(b, env);
                    yield switch (op) {
                        case LT -> x < y; case LE -> x <= y; case GT -> x > y; case GE -> x >= y;
                        case EQ -> x == y; case NE -> x != y;
                    };
                }
                case IrExpr.Select(IrExpr c, IrExpr a, IrExpr b) -> (Boolean) eval(c, env) ? eval(a, env) : eval(b, env);
                case IrExpr.Call(var f, List<IrExpr> args) -> switch (f) {
                    case ABS -> Math.abs(real(args.get(0), env));
                    case SQRT -> round(Math.sqrt(real(args.get(0), env)));
                    case MIN -> Math.min(real(args.get(0), env), real(args.get(1), env));
                    case MAX -> Math.max(real(args.get(0), env), real(args.get(1), env));
                    default -> throw new AssertionError("not + − × ÷ or sqrt: " + f);
                };
                default -> throw new AssertionError("not emitted by PortableExpLog: " + e);
            };
        }
    }
}
