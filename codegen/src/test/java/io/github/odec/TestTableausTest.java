package io.github.odec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.check.TableauRules;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture tableaus obey the exact rules, and each interpolant ends at the step's weights: b_i(1) = b_i. */
class TestTableausTest {

    @Test
    void fixturesAreConsistent() {
        for (Tableau t : TestTableaus.all()) {
            assertEquals(List.of(), TableauRules.check(t), t.name());
            t.interp().ifPresent(interp -> {
                for (int i = 0; i < t.stages(); i++) {
                    Rational atOne = interp.get(i).stream().reduce(Rational.ZERO, Rational::plus);
                    // Exact for dopri5; tsit5's published interpolation coefficients have 16-20 digits.
                    assertEquals(t.b().get(i).toDouble(), atOne.toDouble(), 1e-15, t.name() + " b_" + i + "(1)");
                }
            });
        }
    }
}
