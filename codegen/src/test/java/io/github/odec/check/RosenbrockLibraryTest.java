package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.model.Rosenbrock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosenbrockLibraryTest {

    @Test
    void loads() {
        List<Rosenbrock> all = Frontend.standardRosenbrocks();
        assertEquals(List.of("rosenbrock23", "rodas4", "rodas5p"), all.stream().map(Rosenbrock::name).toList());
    }
}
