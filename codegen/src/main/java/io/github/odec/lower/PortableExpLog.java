package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.div;
import static io.github.odec.ir.Ir.ge;
import static io.github.odec.ir.Ir.gt;
import static io.github.odec.ir.Ir.lt;
import static io.github.odec.ir.Ir.max;
import static io.github.odec.ir.Ir.min;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.neg;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.select;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.runtime.Precision;

/**
 * The natural log and exp of the step-size controller (and the initial step), built from + − × ÷,
 * exact square roots of powers of two, comparisons and selects only, in a fixed order. Each backend rounds these operations identically
 * (Java's strict doubles, the Vector API's lanewise ops, CUDA with contraction off), so the backends
 * take the same steps; {@code Math.pow} and CUDA's {@code pow} may differ in the last bit, and cost a call.
 *
 * <p>Both functions are branch-free (selects, fixed-count loops, no bit manipulation), so the lane
 * path runs them as they are. F64: relative error of x^e = e^(e ln x) against {@code Math.pow} below 3e-15 where
 * the result is in [1e-6, 1e6] and below 1e-13 for |e ln x| <= 700 (it grows with |e| times one ulp of
 * ln x; measured in {@code PortableExpLogTest}). F32 uses the same scheme with F32's constants, ranges
 * and shorter polynomials.
 *
 * <ul>
 *   <li>{@link #log}: for x < 1 the log of 1/x (tiny x scaled up first), then x = m 2^n with m in
 *   (sqrt(1/2), sqrt(2)] by exact scalings by powers of two (a binary search), then ln m = 2 atanh(s),
 *   s = (m-1)/(m+1), |s| <= 0.1716, to s^19 (truncation below 3e-17 relative), plus n ln 2 in two parts.
 *   Zero, infinite and NaN arguments give meaningless finite or NaN values: callers select them away.</li>
 *   <li>{@link #exp}: y clamped to [-700, 700] (e^±700 is far outside any factor clip), n = round(y / ln 2)
 *   by adding and subtracting 1.5 2^52 (exact: no backend reassociates), r = y - n ln 2 (Cody and Waite's two parts, |r| <= 0.347),
 *   e^r by its Taylor polynomial to degree 13 (truncation below 5e-18), times 2^n as a product of
 *   exact powers of two.</li>
 * </ul>
 */
record PortableExpLog(Precision precision) {

    /** ln 2 split so that n * LN2_HI is exact for every n below (fdlibm's constants, e_log.c and e_logf.c). */
    private static final double LN2_HI_64 = 6.93147180369123816490e-01;
    private static final double LN2_LO_64 = 1.90821492927058770002e-10;
    private static final double LN2_HI_32 = 6.9313812256e-01f;
    private static final double LN2_LO_32 = 9.0580006145e-06f;
    private static final double INV_LN2 = 1.44269504088896338700e+00;

    /** The largest power 2^j of the binary searches: every finite x is below 2^(2 top). */
    private int top() {
        return precision == Precision.F64 ? 512 : 64;
    }

    /** x below 2^-tinyBelow is multiplied by 2^tinyShift: then 1/x is finite, subnormal x included. */
    private int tinyBelow() {
        return precision == Precision.F64 ? 960 : 120;
    }

    private int tinyShift() {
        return precision == Precision.F64 ? 200 : 60;
    }

    /** top, top / 2, ..., 1: the steps of a binary search. */
    private int searchSteps() {
        return Integer.numberOfTrailingZeros(top()) + 1;
    }

    /** e^±limit stays normal; far outside any factor clip. */
    double expLimit() {
        return precision == Precision.F64 ? 700.0 : 87.0;
    }

    /** Adding and subtracting 1.5 2^(mantissa bits) rounds a number of magnitude below 2^(bits-1) to an integer. */
    private double rounder() {
        return precision == Precision.F64 ? 0x1.8p52 : 0x1.8p23;
    }

    /** Terms of 2 atanh(s) and degree of e^r, truncation below half an ulp of the precision. */
    private int atanhTerms() {
        return precision == Precision.F64 ? 10 : 5;
    }

    private int expDegree() {
        return precision == Precision.F64 ? 13 : 7;
    }

    private double ln2Hi() {
        return precision == Precision.F64 ? LN2_HI_64 : LN2_HI_32;
    }

    private double ln2Lo() {
        return precision == Precision.F64 ? LN2_LO_64 : LN2_LO_32;
    }

    /** Emits ln x for a positive finite x (subnormals included) and returns its local. */
    Local log(StatementBuilder out, String name, IrExpr x) {
        Local arg = out.real(name + "_x", x);
        // Subnormal and tiny x are scaled up first, so that 1/x below does not overflow.
        Local tiny = out.bool(name + "_tiny", lt(read(arg), real(Math.scalb(1.0, -tinyBelow()))));
        Local a = out.real(name + "_a", select(read(tiny), mul(read(arg), real(Math.scalb(1.0, tinyShift()))), read(arg)));
        // ln x = -ln(1/x) below 1: 1/x rounds by half an ulp, an error of 1.1e-16 in ln x (6e-8 in F32).
        Local inverted = out.bool(name + "_inv", lt(read(a), real(1.0)));
        Local m = out.real(name + "_m", select(read(inverted), div(real(1.0), read(a)), read(a)));
        Local k = out.real(name + "_k", real(0.0));
        halvingSearch(out, name, (step, power, inverse, j) -> {
            Local big = step.bool(name + "_big", ge(read(m), read(power)));
            step.assign(m, select(read(big), mul(read(m), read(inverse)), read(m)));
            step.assign(k, select(read(big), add(read(k), read(j)), read(k)));
        });
        Local halve = out.bool(name + "_hi", gt(read(m), real(Math.sqrt(2.0))));
        out.assign(m, select(read(halve), mul(read(m), real(0.5)), read(m)));
        out.assign(k, select(read(halve), add(read(k), real(1.0)), read(k)));
        Local s = out.real(name + "_s", div(sub(read(m), real(1.0)), add(read(m), real(1.0))));
        Local s2 = out.real(name + "_s2", mul(read(s), read(s)));
        // 2 atanh(s) = 2s + 2s * s^2 (1/3 + s^2/5 + ... + s^16/19), the leading term kept apart.
        IrExpr q = real(1.0 / (2 * atanhTerms() - 1));
        for (int t = atanhTerms() - 2; t >= 1; t--) {
            q = add(real(1.0 / (2 * t + 1)), mul(read(s2), q));
        }
        Local twoS = out.real(name + "_2s", add(read(s), read(s)));
        Local lnM = out.real(name + "_lnm", add(read(twoS), mul(read(twoS), mul(read(s2), q))));
        // x = 2^n m^(+-1) with n an exact integer (|n| <= 1074 < 2^11).
        Local n = out.real(name + "_n", add(select(read(inverted), neg(read(k)), read(k)),
                select(read(tiny), real(-tinyShift()), real(0.0))));
        IrExpr signedLnM = select(read(inverted), neg(read(lnM)), read(lnM));
        return out.real(name, add(mul(read(n), real(ln2Hi())), add(mul(read(n), real(ln2Lo())), signedLnM)));
    }

    /** Emits e^y for y clamped to [-700, 700] ([-87, 87] in F32, so the result is normal) and returns its local. */
    Local exp(StatementBuilder out, String name, IrExpr y) {
        Local arg = out.real(name + "_y", min(real(expLimit()), max(real(-expLimit()), y)));
        Local shifted = out.real(name + "_sh", add(mul(read(arg), real(INV_LN2)), real(rounder())));
        Local n = out.real(name + "_n", sub(read(shifted), real(rounder())));
        Local r = out.real(name + "_r", sub(sub(read(arg), mul(read(n), real(ln2Hi()))), mul(read(n), real(ln2Lo()))));
        IrExpr p = real(1.0 / factorial(expDegree()));
        for (int k = expDegree() - 1; k >= 1; k--) {
            p = add(real(1.0 / factorial(k)), mul(read(r), p));
        }
        Local er = out.real(name + "_er", add(real(1.0), mul(read(r), p)));
        // 2^|n| as a product of exact powers of two (|n| <= 1010, 126 in F32), independent of e^r.
        Local left = out.real(name + "_a", abs(read(n)));
        Local scale = out.real(name + "_p", real(1.0));
        halvingSearch(out, name, (step, power, inverse, j) -> {
            Local has = step.bool(name + "_has", ge(read(left), read(j)));
            step.assign(left, select(read(has), sub(read(left), read(j)), read(left)));
            step.assign(scale, select(read(has), mul(read(scale), read(power)), read(scale)));
        });
        return out.real(name, select(lt(read(n), real(0.0)), div(read(er), read(scale)), mul(read(er), read(scale))));
    }

    /** One step of a binary search over j = top, top / 2, ..., 1, given 2^j and 2^-j. */
    private interface SearchStep {
        void emit(StatementBuilder step, Local power, Local inverse, Local j);
    }

    /**
     * A loop (one copy of the step in the code, not ten: the solver method must stay small for the JIT)
     * over j = top, ..., 1 with 2^j and 2^-j; the square roots of even powers of two are exact, and the
     * inexact ones after the last step are not used.
     */
    private void halvingSearch(StatementBuilder out, String name, SearchStep step) {
        Local power = out.real(name + "_pw", real(Math.scalb(1.0, top())));
        Local inverse = out.real(name + "_pi", real(Math.scalb(1.0, -top())));
        Local j = out.real(name + "_j", real(top()));
        out.forRange(name + "_i", 0, searchSteps(), (body, i) -> {
            step.emit(body, power, inverse, j);
            body.assign(power, Ir.sqrt(read(power)));
            body.assign(inverse, Ir.sqrt(read(inverse)));
            body.assign(j, mul(read(j), real(0.5)));
        });
    }

    private static double factorial(int k) {
        double f = 1.0;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
