package io.github.odec.emit.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.ir.Coefficient;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.cuda.KernelAbi;
import io.github.odec.runtime.spi.CudaKernelSource;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A kernel takes exactly the slots its spec uses ({@link Slot#of}): every one of them is read or
 * written by the solve, and no other slot is named anywhere in the source; the coefficients follow
 * in KernelAbi's order.
 */
class KernelParametersTest {

    @ParameterizedTest(name = "{0} {1} dense={2}")
    @CsvSource({"rk4, FIXED, false", "rk4, FIXED, true", "dopri5, INTEGRAL, false", "dopri5, PID, true",
            "bosh3, PI, true"})
    void theKernelTakesTheSlotsItsSpecUsesAndUsesEachOfThem(String method, StepControllerKind controller,
                                                           boolean dense) {
        SolverSpec spec = new SolverSpec(new Method(method), controller, Precision.F64, dense);
        CudaKernelSource kernel = new CompiledSystem(TestSystems.vanDerPol(), Frontend.standardTableaus()).cudaSource(spec);
        assertEquals(Slot.of(spec), kernel.slots());
        String source = kernel.source();
        for (Slot slot : Slot.values()) {
            if (kernel.slots().contains(slot)) {
                assertTrue(source.contains(slot.identifier() + "["), slot + " is taken and indexed");
            } else {
                assertFalse(source.contains(slot.identifier()), slot + " is not part of this kernel");
            }
        }
        List<Slot> expectedAbsent = switch (controller) {
            case FIXED -> List.of(Slot.ATOL, Slot.RTOL, Slot.DT_MIN, Slot.DT_MAX, Slot.REJECTED);
            default -> List.of();
        };
        expectedAbsent.forEach(s -> assertFalse(kernel.slots().contains(s), s.name()));
        assertEquals(dense, kernel.slots().contains(Slot.YS));
        assertEquals(dense, kernel.slots().contains(Slot.EVAL_TIMES));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SAFETY", "FACTOR_MIN", "FACTOR_MAX", "PCOEFF", "ICOEFF", "DCOEFF"})
    void coefficientsFollowKernelAbi(Coefficient c) {
        assertEquals(Coefficient.values().length, KernelAbi.COEFFICIENTS.size());
        assertEquals("c_" + KernelAbi.COEFFICIENTS.get(c.ordinal()), CudaNames.coefficient(c));
    }
}
