package io.github.odec.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A call is checked against its callee's parameters when it is built, so no printer prints a bad call. */
class ProcedureCallTest {

    private static final Local T = new Local("t", ScalarType.REAL);
    private static final LocalArray Y = new LocalArray("y", 3);
    private static final Procedure F = new Procedure("f", "test", List.of(new Parameter.Scalar(T),
            new Parameter.Array(Y, true)), List.of(new Stmt.StoreElement(Y, Ir.integer(0), Ir.read(T))));

    @Test
    void matchingArgumentsMakeACall() {
        Stmt.Call call = F.call(new Argument.Value(Ir.real(1.0)), new Argument.Array(new LocalArray("z", 4)));
        assertEquals(2, call.arguments().size());
        assertEquals(4, IrSize.of(List.of(call)));   // the call (1, plus 1 per argument) and its literal
    }

    @Test
    void mismatchedArgumentsAreRejected() {
        LocalArray z = new LocalArray("z", 3);
        assertThrows(IllegalArgumentException.class, () -> F.call(new Argument.Value(Ir.real(1.0))));
        assertThrows(IllegalArgumentException.class, () -> F.call(new Argument.Array(z), new Argument.Array(z)));
        assertThrows(IllegalArgumentException.class,
                () -> F.call(new Argument.Value(Ir.integer(1)), new Argument.Array(z)));
        assertThrows(IllegalArgumentException.class,
                () -> F.call(new Argument.Value(Ir.real(1.0)), new Argument.Array(new LocalArray("short", 2))));
    }
}
