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

    /**
     * PI control, pcoeff 0.4, icoeff 0.3: the first of the coefficients diffrax's PIDController
     * documentation ("Choosing PID coefficients") suggests for moderately difficult problems whose
     * error estimate does not vary smoothly.
     */
    public static ControllerCoefficients pi() {
        return new ControllerCoefficients(0.9, 0.2, 10.0, 0.4, 0.3, 0.0);
    }

    /**
     * PID control: Söderlind's H312PID filter, (beta1, beta2, beta3) = (1/18, 1/9, 1/18) (Söderlind,
     * "Digital filters in adaptive time-stepping", ACM TOMS 2003, the paper diffrax's PIDController
     * cites for PID control; diffrax's documentation itself suggests no example with dcoeff != 0).
     * In diffrax's parametrisation beta1 = p + i + d, beta2 = -(p + 2d), beta3 = d, so
     * p = -2/9, i = 2/9, d = 1/18.
     */
    public static ControllerCoefficients pid() {
        return new ControllerCoefficients(0.9, 0.2, 10.0, -2.0 / 9.0, 2.0 / 9.0, 1.0 / 18.0);
    }
}
