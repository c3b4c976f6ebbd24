package io.github.odec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SirSweepTest {

    @Test
    void observedPeaksMatchTheClosedFormWithinTheStepSize() {
        SirSweep.Sweep sweep = SirSweep.run(40, 25);
        assertEquals(1000, sweep.peaks().size());
        assertEquals(0, sweep.failed());
        int outbreaks = 0;
        for (SirSweep.Peak p : sweep.peaks()) {
            String where = "beta " + p.beta() + ", gamma " + p.gamma();
            // Step ends lie on the solution, so they never exceed the true peak (beyond the solver's rtol 1e-8 error).
            assertTrue(p.observed() <= p.analytic() + 1e-7, where);
            if (p.analytic() == 0.01) {
                assertEquals(0.01, p.observed(), 0.0, "no outbreak: I(0) is the peak; " + where);
                assertEquals(0.0, p.tPeak(), 0.0, where);
                continue;
            }
            outbreaks++;
            // At the peak I' = 0 and I'' = -beta gamma I^2; the step containing it has an end at most hMax/2
            // away, which misses by about I''/2 (hMax/2)^2. Twice that covers the cubic term of sharp peaks.
            double curvature = p.beta() * p.gamma() * p.analytic() * p.analytic();
            double bound = 2 * 0.5 * curvature * (p.hMax() / 2) * (p.hMax() / 2) + 1e-7;
            assertTrue(p.analytic() - p.observed() <= bound, where + ": missed by " + (p.analytic() - p.observed()) + " > " + bound);
            assertTrue(p.tPeak() > 0 && p.tPeak() < SirSweep.DAYS, where + ": peak on day " + p.tPeak());
        }
        assertTrue(outbreaks > 900, "the grid is mostly above the threshold R0 = 1: " + outbreaks);
    }

    @Test
    void closedFormPeak() {
        // The classical peak for R0 = 3 in a fully susceptible population: 1 - (1 + ln 3) / 3 = 0.3005.
        assertEquals(0.30046, SirSweep.analyticPeak(0.3, 0.1, 1.0, 0.0), 5e-6);
        // With S0 = 0.99, I0 = 0.01: 1 - (1 + ln 2.97) / 3.
        assertEquals(0.30381, SirSweep.analyticPeak(0.3, 0.1, 0.99, 0.01), 5e-6);
        assertEquals(0.01, SirSweep.analyticPeak(0.1, 0.2, 0.99, 0.01), 0.0, "below threshold I only falls");
    }
}
