package it.decay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Method;
import org.junit.jupiter.api.Test;

class DecayTest {

    @Test
    void aBatchOfDecaysMatchesTheAnalyticSolution() {
        int n = 1000;
        Decay.Batch batch = Decay.batch(n).span(0, 4).evalTimesEvenlySpaced(41).rtol(1e-8).atol(1e-12);
        for (int i = 0; i < n; i++) {
            batch.k(i, 0.1 + 0.002 * i).y(i, 1.0 + 0.001 * i);
        }
        Decay.Result r = batch.solve();

        assertTrue(r.allSucceeded());
        assertEquals(Method.TSIT5, Decay.METHOD, "the plugin's <method> is baked into the bindings");
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double k = 0.1 + 0.002 * i;
            double y0 = 1.0 + 0.001 * i;
            for (int j = 0; j < r.evalCount(); j++) {
                double t = r.time(i, j);
                worst = Math.max(worst, Math.abs(r.y(i, j) - y0 * Math.exp(-k * t)) / (y0 * Math.exp(-k * t)));
            }
            assertEquals(4.0, r.finalTime(i));
        }
        // rtol 1e-8 per step; the global error of a few dozen steps stays well below 1e-6 relative.
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        System.out.println("odec-it: worst relative error " + worst);
    }
}
