package io.github.odec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.runtime.spi.ControllerCoefficients;
import org.junit.jupiter.api.Test;

class SolverOptionsTest {

    @Test
    void defaults() {
        SolverOptions o = SolverOptions.defaults();
        assertEquals(Method.DOPRI5, o.method());
        assertEquals(StepControllerKind.INTEGRAL, o.controller());
        assertEquals(ControllerCoefficients.integral(), o.coefficients());
        assertEquals(Precision.F64, o.precision());
        assertEquals(0.0, o.dt0());
        assertEquals(0.0, o.dtMin());
        assertEquals(Double.POSITIVE_INFINITY, o.dtMax());
        assertEquals(100_000, o.maxSteps());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
    }

    @Test
    void controllerPresets() {
        assertEquals(ControllerCoefficients.pi(), SolverOptions.defaults().withController(StepControllerKind.PI).coefficients());
        assertEquals(ControllerCoefficients.pid(), SolverOptions.defaults().withController(StepControllerKind.PID).coefficients());
        ControllerCoefficients pi = ControllerCoefficients.pi();
        assertEquals(0.4, pi.pcoeff());
        assertEquals(0.3, pi.icoeff());
        // H312PID: beta1 = p + i + d = 1/18, beta2 = -(p + 2d) = 1/9, beta3 = d = 1/18 (1 ulp slack for the sums).
        ControllerCoefficients pid = ControllerCoefficients.pid();
        assertEquals(1 / 18.0, pid.pcoeff() + pid.icoeff() + pid.dcoeff(), 1e-16);
        assertEquals(1 / 9.0, -(pid.pcoeff() + 2 * pid.dcoeff()), 1e-16);
        assertEquals(1 / 18.0, pid.dcoeff());
    }

    @Test
    void withersChangeOneField() {
        SolverOptions o = SolverOptions.defaults().withMethod(Method.TSIT5).withPrecision(Precision.F32).withDt0(0.01)
                .withDtMin(1e-9).withDtMax(0.5).withMaxSteps(10).withThreads(3);
        assertEquals(new SolverOptions(Method.TSIT5, StepControllerKind.INTEGRAL, ControllerCoefficients.integral(),
                Precision.F32, 0.01, 1e-9, 0.5, 10, 3), o);
    }
}
