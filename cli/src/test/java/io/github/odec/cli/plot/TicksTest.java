package io.github.odec.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void widensToMultiplesOfOneTwoOrFive() {
        assertEquals(new Ticks(0, 10, 2), Ticks.covering(0, 10));
        assertEquals(new Ticks(-3, 3, 1), Ticks.covering(-2.01, 2.05));
        assertEquals(new Ticks(0, 0.35, 0.05), round(Ticks.covering(0.003, 0.34)));
        assertEquals(new Ticks(-50, 250, 50), Ticks.covering(-12, 230));
    }

    @Test
    void aFlatLineGetsARangeAroundItsValue() {
        Ticks ticks = Ticks.covering(3, 3);
        assertEquals(true, ticks.low() < 3 && ticks.high() > 3, ticks.toString());
        assertEquals(new Ticks(-1, 1, 0.5), Ticks.covering(0, 0));
    }

    @Test
    void labelsCarryOnlyTheDigitsTheStepNeeds() {
        Ticks ticks = Ticks.covering(0, 1);
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1.0"), ticks.values().stream().map(ticks::label).toList());
        Ticks big = Ticks.covering(0, 3e7);
        assertEquals("1.0e+07", big.label(1e7));
        Ticks whole = Ticks.covering(-10, 10);
        assertEquals(List.of("-10", "-5", "0", "5", "10"), whole.values().stream().map(whole::label).toList());
    }

    @Test
    void nothingFiniteGivesTheUnitRange() {
        assertEquals(new Ticks(0, 1, 0.2), Ticks.covering(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    /** Steps like 0.05 come from 5 * 0.01 and may differ from the literal in the last bit. */
    private static Ticks round(Ticks t) {
        return new Ticks(Math.round(t.low() * 1e9) / 1e9, Math.round(t.high() * 1e9) / 1e9, Math.round(t.step() * 1e9) / 1e9);
    }
}
