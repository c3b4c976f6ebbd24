package io.github.odec.runtime.spi;

/**
 * Run-time coefficients of the step-size controller, shared by a batch. With k = 1 + the lower of
 * the method's two orders, the factor is
 * {@code safety * r_n^(-icoeff/k - pcoeff/k - dcoeff/k) * r_{n-1}^(pcoeff/k + 2 dcoeff/k) * r_{n-2}^(-dcoeff/k)}
 * clipped to [factorMin, factorMax] (diffrax's PIDController; integral control is icoeff = 1).
 */
public record ControllerCoefficients(double safety, double factorMin, double factorMax,
                                     double pcoeff, double icoeff, double dcoeff) {

    public static ControllerCoefficients integral() {
        return new ControllerCoefficients(0.9, 0.2, 10.0, 0.0, 1.0, 0.0);
    }
}
