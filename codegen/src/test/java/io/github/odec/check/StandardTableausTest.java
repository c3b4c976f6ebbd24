package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.model.Tableau;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardTableausTest {

    @Test
    void everyStandardTableauPassesTheRules() {
        for (Tableau t : StandardTableauFixtures.all()) {
            assertEquals(List.of(), TableauRules.check(t), t.name());
        }
    }
}
