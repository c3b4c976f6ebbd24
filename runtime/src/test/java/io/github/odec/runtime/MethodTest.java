package io.github.odec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodTest {

    @Test
    void aStandardNameIsItsConstantAndAFileTableauKeepsItsName() {
        assertEquals(Method.DOPRI5, Method.named("dopri5"));
        assertEquals("tsit5", Method.TSIT5.name());
        assertEquals("my_rk3", Method.named("my_rk3").toString());
        assertEquals(List.of("euler", "midpoint", "rk4", "heun", "bosh3", "dopri5", "tsit5"),
                Method.standard().stream().map(Method::name).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "rk 4", "3rk", "rk-4", "dopri5 ", "é"})
    void aNameThatIsNoIdentifierIsRejectedNamingIt(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Method.named(name));
        assertEquals("--method must be a tableau name (letters, digits and _, not starting with a digit), got '"
                + name + "'", e.message(a -> a == InputArgument.METHOD ? "--method" : "?"));
    }

    @Test
    void nullIsNoMethod() {
        assertThrows(NullPointerException.class, () -> Method.named(null));
    }
}
