package io.github.odec.emit.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrFunction;
import io.github.odec.ir.Local;
import io.github.odec.ir.ScalarType;
import io.github.odec.model.Rational;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.Slot;
import org.junit.jupiter.api.Test;

class CudaExpressionPrinterTest {

    private final CudaExpressionPrinter f32 = new CudaExpressionPrinter(Precision.F32, "instance");
    private final CudaExpressionPrinter f64 = new CudaExpressionPrinter(Precision.F64, "instance");
    private final IrExpr x = Ir.read(new Local("x", ScalarType.REAL));

    @Test
    void f32LiteralsAreFloatLiteralsRoundedOnceFromTheExactRational() {
        assertEquals("0.33333334f", f32.print(IrExpr.RealLiteral.of(Rational.of(1, 3))));
        // 1 + 2^-24 + 2^-60 is just above the midpoint of two floats: rounded once it is 1 + 2^-23;
        // through the double 1 + 2^-24 it becomes an exact tie and would round to even, 1.0f.
        java.math.BigInteger two60 = java.math.BigInteger.ONE.shiftLeft(60);
        Rational aboveTie = new Rational(two60.add(java.math.BigInteger.ONE.shiftLeft(36)).add(java.math.BigInteger.ONE), two60);
        assertEquals("1.0000001f", f32.print(IrExpr.RealLiteral.of(aboveTie)));
        assertEquals("0.3333333333333333", f64.print(IrExpr.RealLiteral.of(Rational.of(1, 3))));
        assertEquals("odec_nanf()", f32.print(Ir.real(Double.NaN)));
        assertEquals("-odec_inf()", f64.print(Ir.real(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void f32CallsTheFloatFunctionsAndJavaSemanticsHelpers() {
        assertEquals("powf(x, 0.2f)", f32.print(Ir.pow(x, Ir.real(0.2))));
        assertEquals("sinf(x)", f32.print(Ir.call(IrFunction.SIN, x)));
        assertEquals("fabsf(x)", f32.print(Ir.abs(x)));
        assertEquals("sqrt(x)", f64.print(Ir.sqrt(x)));
        assertEquals("odec_min(x, 1.0f)", f32.print(Ir.min(x, Ir.real(1.0))));
        assertEquals("odec_isfinite(x)", f64.print(Ir.isFinite(x)));
    }

    @Test
    void buffersAreStructureOfArrays() {
        assertEquals("t0_[instance]", f64.bufferAccess(Slot.T0, Ir.integer(0)));
        assertEquals("y0_[instance]", f64.bufferAccess(Slot.Y0, Ir.integer(0)));
        assertEquals("y0_[N + instance]", f64.bufferAccess(Slot.Y0, Ir.integer(1)));
        assertEquals("y0_[2 * N + instance]", f64.bufferAccess(Slot.Y0, Ir.integer(2)));
        IrExpr row = Ir.read(new Local("row", ScalarType.INT));
        assertEquals("ys_[(row + 1) * N + instance]", f64.bufferAccess(Slot.YS, Ir.add(row, Ir.integer(1))));
    }

    @Test
    void neverReassociates() {
        IrExpr y = Ir.read(new Local("y", ScalarType.REAL));
        assertEquals("x - (y - x)", f64.print(Ir.sub(x, Ir.sub(y, x))));
        assertEquals("x * y * x", f64.print(Ir.mul(Ir.mul(x, y), x)));
        assertEquals("x * (y * x)", f64.print(Ir.mul(x, Ir.mul(y, x))));
    }
}
