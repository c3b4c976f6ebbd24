package io.github.odec.lower;

import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;

/**
 * The cubic Hermite interpolant through (y0, f0) and (y1, f1), for any stepper that gives the step
 * ends and their slopes: y(theta) = y0 + theta d + theta (theta - 1) ((1 - 2 theta) d
 * + (theta - 1) h f0 + theta h f1) with d = y1 - y0, third order.
 */
record HermiteInterpolant(Components components, ComponentVector y0, ComponentVector f0, ComponentVector y1,
                          ComponentVector f1, Local h) implements Interpolant {

    @Override
    public Evaluation evaluate(StatementBuilder out, Local theta) {
        Local a = out.real("hm_a", sub(real(1.0), mul(real(2.0), read(theta))));
        Local b = out.real("hm_b", mul(sub(read(theta), real(1.0)), read(h)));
        Local c = out.real("hm_c", mul(read(theta), read(h)));
        Local w = out.real("hm_w", mul(read(theta), sub(read(theta), real(1.0))));
        return (body, j) -> {
            Local d = body.real(j.name("hm_d"), sub(y1.get(j), y0.get(j)));
            IrExpr bracket = add(add(mul(read(a), read(d)), mul(read(b), f0.get(j))), mul(read(c), f1.get(j)));
            return add(add(y0.get(j), mul(read(theta), read(d))), mul(read(w), bracket));
        };
    }
}
