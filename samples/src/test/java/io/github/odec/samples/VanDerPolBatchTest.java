package io.github.odec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VanDerPolBatchTest {

    /** At the maximum x' = y = 0 and x'' = -x = -2; samples 0.05 apart miss it by at most 2/2 * 0.025^2 = 6e-4. */
    private static final double SAMPLING = 1e-3;

    @Test
    void limitCycleAmplitudesAreTheKnownValues() {
        // The amplitude is 2 + O(mu^2) for small mu and 2.00862 for mu = 1 (the classical limit-cycle value).
        VanDerPolBatch.Amplitudes small = VanDerPolBatch.run(1, 0.1, 0.1);
        assertEquals(2.0, small.amplitude()[0], SAMPLING);
        VanDerPolBatch.Amplitudes one = VanDerPolBatch.run(1, 1.0, 1.0);
        assertEquals(2.00862, one.amplitude()[0], SAMPLING);
    }

    @Test
    void everyOscillatorOfABatchSettlesNearAmplitudeTwo() {
        VanDerPolBatch.Amplitudes a = VanDerPolBatch.run(200, 0.1, 10.0);
        assertEquals(0, a.failed());
        for (int i = 0; i < a.mu().length; i++) {
            // Over mu in (0, 10] the amplitude stays between 2 and about 2.023.
            assertTrue(a.amplitude()[i] > 2.0 - SAMPLING && a.amplitude()[i] < 2.03,
                    "mu " + a.mu()[i] + ": amplitude " + a.amplitude()[i]);
        }
    }
}
