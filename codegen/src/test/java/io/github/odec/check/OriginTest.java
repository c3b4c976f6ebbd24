package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.diag.SourceFile;
import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The checker gives every model expression the source it came from; equality ignores it. */
class OriginTest {

    @TestFactory
    Stream<DynamicTest> everyNodeOfEverySampleHasASpan() {
        return GoldenFiles.find(GoldenFiles.SAMPLES, ".ode").stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    CheckResult result = Frontend.check(new SourceFile(file.getFileName().toString(), GoldenFiles.read(file)));
                    for (OdeSystem s : result.model().orElseThrow().systems()) {
                        for (Expr e : ExprTrees.nodes(s)) {
                            assertTrue(e.origin().location().isPresent(), () -> "no span: " + e);
                        }
                    }
                }));
    }

    @Test
    void spansPointAtTheTextAndTakeNoPartInEquality() {
        CheckResult result = Frontend.check(new SourceFile("twice.ode", """
                system Twice {
                    state x = 1;
                    x' = sin(x) + sin(x);
                }
                """));
        Expr.Binary sum = (Expr.Binary) result.model().orElseThrow().systems().getFirst().derivatives().getFirst();
        assertEquals("twice.ode:3:10", sum.left().origin().toString());
        assertEquals("twice.ode:3:19", sum.right().origin().toString());
        assertEquals(6, sum.left().origin().span().length(), "sin(x)");
        assertNotEquals(sum.left().origin().span(), sum.right().origin().span());
        assertEquals(sum.left(), sum.right());
        assertEquals(sum.left().hashCode(), sum.right().hashCode());
        assertEquals(new Expr.Call(io.github.odec.model.MathFunction.SIN, List.of(new Expr.StateRef(0))), sum.left(),
                "a synthesized node equals a checked one");
    }
}
