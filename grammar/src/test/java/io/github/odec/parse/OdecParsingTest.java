package io.github.odec.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.ast.BodyItem;
import io.github.odec.ast.Coefficient;
import io.github.odec.ast.Expression;
import io.github.odec.ast.OdeFile;
import io.github.odec.ast.SystemItem;
import io.github.odec.ast.TableauItem;
import io.github.odec.diag.Diagnostic;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OdecParsingTest {

    private static OdeFile parse(String text) {
        Diagnostics d = new Diagnostics();
        Optional<OdeFile> file = OdecParsing.parse(new SourceFile("t.ode", text), d);
        assertTrue(file.isPresent(), () -> d.sorted().toString());
        return file.get();
    }

    private static List<Diagnostic> errors(String text) {
        Diagnostics d = new Diagnostics();
        assertTrue(OdecParsing.parse(new SourceFile("t.ode", text), d).isEmpty());
        return d.sorted();
    }

    private static Expression expression(String expr) {
        var system = parse("system S { let v = " + expr + "; }").systems().getFirst();
        return ((BodyItem.LetDecl) system.items().getFirst()).value();
    }

    @Test
    void precedenceAndAssociativityFollowMathematics() {
        // -x^2 is -(x^2); ^ is right-associative; * binds tighter than +; ?: is loosest.
        var neg = (Expression.Unary) expression("-x^2");
        assertEquals(Expression.UnaryOperator.NEGATE, neg.operator());
        assertTrue(neg.operand() instanceof Expression.Binary b && b.operator() == Expression.BinaryOperator.POWER);
        var pow = (Expression.Binary) expression("2^3^2");
        assertTrue(pow.right() instanceof Expression.Binary);
        var sum = (Expression.Binary) expression("1 + 2 * 3");
        assertEquals(Expression.BinaryOperator.ADD, sum.operator());
        assertTrue(expression("a < b && c || d ? 1 : 2") instanceof Expression.Conditional);
    }

    @Test
    void eventsParseWithTheirDirectionActionsAndSpans() {
        var items = parse("""
                system Ball {
                  event apex when v crosses 0 falling;
                  event bounce when h crosses 0 falling { v = -e * v; u[1] = 0; }
                  event landed when h crosses g * t terminate;
                  event twice when h crosses 0 rising {} terminate;
                }""").systems().getFirst().items();
        var apex = (SystemItem.EventDecl) items.get(0);
        assertEquals("apex", apex.name().text());
        assertEquals(Optional.of(SystemItem.Direction.FALLING), apex.direction());
        assertEquals(List.of(), apex.actions());
        var bounce = (SystemItem.EventDecl) items.get(1);
        var reset = (SystemItem.EventAction.Reset) bounce.actions().getFirst();
        assertEquals(List.of("v", "u"), reset.assignments().stream().map(a -> a.target().text()).toList());
        assertTrue(reset.assignments().get(1).index().isPresent());
        assertEquals(3, reset.span().line());
        assertEquals(41, reset.span().column());
        var landed = (SystemItem.EventDecl) items.get(2);
        assertEquals(Optional.empty(), landed.direction());
        assertTrue(landed.rhs() instanceof Expression.Binary);
        assertTrue(landed.actions().getFirst() instanceof SystemItem.EventAction.Terminate);
        // Two actions parse, in order, so that the checker can point at the second.
        var twice = (SystemItem.EventDecl) items.get(3);
        assertEquals(2, twice.actions().size());
        assertTrue(twice.actions().get(1) instanceof SystemItem.EventAction.Terminate t && t.span().column() == 42);
    }

    @Test
    void theEventWordsRemainNamesOutsideEvents() {
        var items = parse("system S { state event = 1, falling = 2; let when = event + falling; event' = -when; falling' = 0;"
                + " event terminate when event crosses falling rising; }").systems().getFirst().items();
        assertEquals("terminate", ((SystemItem.EventDecl) items.getLast()).name().text());
        assertEquals(Optional.of(SystemItem.Direction.RISING), ((SystemItem.EventDecl) items.getLast()).direction());
    }

    @Test
    void spansPointAtTheTokensWithOneBasedLinesAndColumns() {
        var let = (BodyItem.LetDecl) parse("system S {\n  let v = mu2 * y;\n}").systems().getFirst().items().getFirst();
        var product = (Expression.Binary) let.value();
        var mu2 = (Expression.Name) product.left();
        assertEquals(2, mu2.span().line());
        assertEquals(11, mu2.span().column());
        assertEquals(3, mu2.span().length());
        assertEquals(2, product.operatorSpan().line());
        assertEquals(15, product.operatorSpan().column());
    }

    @Test
    void numberFormsAndTableauWordsAsNamesInSystems() {
        assertEquals(0.5, ((Expression.NumberLiteral) expression(".5")).value());
        assertEquals(1e-3, ((Expression.NumberLiteral) expression("1e-3")).value());
        var system = parse("system S { state a, b, c, order; param bhat[2] = [1, 2]; for i in 0..2 { let w = i; } }").systems().getFirst();
        var states = (SystemItem.ComponentDecl) system.items().getFirst();
        assertEquals(List.of("a", "b", "c", "order"), states.declarators().stream().map(d -> d.name().text()).toList());
        assertTrue(system.items().get(2) instanceof BodyItem.ForLoop loop && loop.body().size() == 1);
    }

    @Test
    void rosenbrockWordsAreNamesInSystems() {
        var system = parse("system S { state gamma, alpha; param rosenbrock = 1; gamma' = -rosenbrock * alpha; alpha' = gamma; }")
                .systems().getFirst();
        var states = (SystemItem.ComponentDecl) system.items().getFirst();
        assertEquals(List.of("gamma", "alpha"), states.declarators().stream().map(d -> d.name().text()).toList());
    }

    @Test
    void aRosenbrockBlockHasTheDiagonalGammaAndRowsOfAlphaAndGamma() {
        var file = parse("rosenbrock r { order 2; gamma = 1/4; alpha[1] = 1/2; gamma[1] = -1/4; b = 0, 1; interp[0] = 1, -1; }");
        var method = file.rosenbrocks().getFirst();
        assertEquals("r", method.name().text());
        assertTrue(file.tableaus().isEmpty());
        var gamma = (TableauItem.Vector) method.items().get(1);
        assertEquals(TableauItem.VectorKind.GAMMA, gamma.kind());
        var alphaRow = (TableauItem.Row) method.items().get(2);
        assertEquals(TableauItem.RowKind.ALPHA, alphaRow.kind());
        var gammaRow = (TableauItem.Row) method.items().get(3);
        assertEquals(TableauItem.RowKind.GAMMA, gammaRow.kind());
        assertEquals(new BigDecimal("-1"), gammaRow.values().getFirst().numerator());
        assertEquals(new BigDecimal("4"), gammaRow.values().getFirst().denominator());
    }

    @Test
    void tableauCoefficientsAreKeptAsWrittenDecimals() {
        var tableau = parse("tableau x { order 1; c = 0; b = -3/4, 0.1, 1e-1/-2; }").tableaus().getFirst();
        var b = (TableauItem.Vector) tableau.items().get(2);
        List<Coefficient> values = b.values();
        assertEquals(new BigDecimal("-3"), values.get(0).numerator());
        assertEquals(new BigDecimal("4"), values.get(0).denominator());
        assertEquals(new BigDecimal("0.1"), values.get(1).numerator());
        assertEquals(new BigDecimal("-2"), values.get(2).denominator());
    }

    @Test
    void syntaxErrorsSayWhatWasExpectedAndAllAreReported() {
        List<Diagnostic> errors = errors("system S {\n  state x = 1\n  x' = ;\n}\n");
        assertEquals(2, errors.size());
        assertEquals("unexpected 'x'; expected ';' or ','", errors.get(0).message());
        assertEquals(3, errors.get(0).span().line());
        assertEquals("unexpected ';'; expected an expression", errors.get(1).message());
        assertTrue(errors.stream().allMatch(e -> e.code().equals("syntax-error")));
    }

    @Test
    void strayCharactersAndEndOfFileAreNamed() {
        assertEquals("unexpected character '@'; expected an expression", errors("system S { let v = @; }").getFirst().message());
        Diagnostic eof = errors("system S { state x;").getFirst();
        assertTrue(eof.message().startsWith("unexpected end of file; expected "), eof.message());
        assertEquals("unexpected 'pi' (a reserved word); expected a name", errors("system S { state pi; }").getFirst().message());
        assertEquals("unexpected '='; expected a prime (x' = ...) or '['", errors("system S { z = 2; }").getFirst().message());
    }
}
