package io.github.odec.cli.bench;

import io.github.odec.compile.DynamicsKernel;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * One instance's dynamics as a Hipparchus ODE: the same compiled f odec's kernel runs, so Hipparchus
 * and odec pay the same f cost. Hipparchus wants a fresh derivative array per call; that allocation is
 * part of its interface, so it is counted as Hipparchus's cost.
 */
final class KernelOde implements OrdinaryDifferentialEquation {

    private final DynamicsKernel kernel;
    private final double[] params;

    KernelOde(DynamicsKernel kernel, double[] params) {
        this.kernel = kernel;
        this.params = params;
    }

    @Override
    public int getDimension() {
        return kernel.dimension();
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        double[] dy = new double[y.length];
        kernel.f(t, y, params, dy);
        return dy;
    }
}
