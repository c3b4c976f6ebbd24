package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.model.Tableau;
import io.github.odec.runtime.Method;
import org.junit.jupiter.api.Test;

/** The runtime's Method constants are exactly the standard library's tableaus, in its order. */
class StandardMethodsTest {

    @Test
    void theConstantsNameTheStandardLibrary() {
        assertEquals(Frontend.standardTableaus().stream().map(Tableau::name).toList(),
                Method.standard().stream().map(Method::name).toList());
    }
}
