package io.github.odec.parse;

import io.github.odec.ast.BodyItem;
import io.github.odec.ast.Coefficient;
import io.github.odec.ast.Declaration;
import io.github.odec.ast.Expression;
import io.github.odec.ast.Identifier;
import io.github.odec.ast.OdeFile;
import io.github.odec.ast.RosenbrockDecl;
import io.github.odec.ast.SystemDecl;
import io.github.odec.ast.SystemItem;
import io.github.odec.ast.TableauDecl;
import io.github.odec.ast.TableauItem;
import io.github.odec.diag.SourceFile;
import io.github.odec.diag.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns an error-free parse tree into AST records, each with its span. */
final class AstBuilder {

    private final SourceFile source;

    AstBuilder(SourceFile source) {
        this.source = source;
    }

    OdeFile file(OdecParser.FileContext ctx) {
        return new OdeFile(source, ctx.declaration().stream().map(this::declaration).toList());
    }

    private Declaration declaration(OdecParser.DeclarationContext ctx) {
        if (ctx.systemDecl() != null) {
            OdecParser.SystemDeclContext s = ctx.systemDecl();
            return new SystemDecl(identifier(s.ident()), s.systemItem().stream().map(this::systemItem).toList(), span(s));
        }
        if (ctx.rosenbrockDecl() != null) {
            OdecParser.RosenbrockDeclContext r = ctx.rosenbrockDecl();
            return new RosenbrockDecl(identifier(r.ident()), r.tableauItem().stream().map(this::tableauItem).toList(), span(r));
        }
        OdecParser.TableauDeclContext t = ctx.tableauDecl();
        return new TableauDecl(identifier(t.ident()), t.tableauItem().stream().map(this::tableauItem).toList(), span(t));
    }

    // ------------------------------------------------------------ systems

    private SystemItem systemItem(OdecParser.SystemItemContext ctx) {
        return switch (ctx) {
            case OdecParser.ComponentDeclContext c -> new SystemItem.ComponentDecl(
                    c.kind.getType() == OdecParser.STATE ? SystemItem.ComponentKind.STATE : SystemItem.ComponentKind.PARAM,
                    c.declarator().stream().map(this::declarator).toList(), span(c));
            case OdecParser.ConstDeclContext c -> new SystemItem.ConstDecl(identifier(c.ident()), expression(c.expr()), span(c));
            case OdecParser.ObserveDeclContext o -> new SystemItem.ObserveDecl(identifier(o.ident(0)),
                    identifier(o.reduction), expression(o.expr()), span(o));
            case OdecParser.EventDeclContext e -> event(e);
            case OdecParser.DynamicsItemContext d -> bodyItem(d.bodyItem());
            default -> throw new IllegalStateException("unhandled system item " + ctx.getClass().getSimpleName());
        };
    }

    private SystemItem.EventDecl event(OdecParser.EventDeclContext e) {
        Optional<SystemItem.Direction> direction = Optional.ofNullable(e.direction)
                .map(d -> d.getType() == OdecParser.RISING ? SystemItem.Direction.RISING : SystemItem.Direction.FALLING);
        List<SystemItem.EventAction> actions = new java.util.ArrayList<>();
        for (OdecParser.EventActionContext a : e.eventAction()) {
            actions.add(a.resetBlock() != null ? reset(a.resetBlock()) : new SystemItem.EventAction.Terminate(span(a)));
        }
        if (e.resetBlock() != null) {  // a final block ends the declaration without ';'
            actions.add(reset(e.resetBlock()));
        }
        return new SystemItem.EventDecl(identifier(e.ident()), expression(e.lhs), expression(e.rhs), direction, actions, span(e));
    }

    private SystemItem.EventAction.Reset reset(OdecParser.ResetBlockContext block) {
        return new SystemItem.EventAction.Reset(block.resetAssign().stream().map(r -> new SystemItem.ResetAssignment(
                identifier(r.ident()), Optional.ofNullable(r.index).map(this::expression),
                expression(r.expr(r.expr().size() - 1)), span(r))).toList(), span(block));
    }

    private BodyItem bodyItem(OdecParser.BodyItemContext ctx) {
        return switch (ctx) {
            case OdecParser.LetDeclContext l -> new BodyItem.LetDecl(identifier(l.ident()), expression(l.expr()), span(l));
            case OdecParser.DerivativeDeclContext d -> new BodyItem.DerivativeDecl(identifier(d.ident()),
                    Optional.ofNullable(d.index).map(this::expression), expression(d.expr(d.expr().size() - 1)), span(d));
            case OdecParser.ForLoopContext f -> new BodyItem.ForLoop(identifier(f.ident()), expression(f.from),
                    expression(f.to), bodyItems(f.bodyItem()), span(f));
            default -> throw new IllegalStateException("unhandled body item " + ctx.getClass().getSimpleName());
        };
    }

    private SystemItem.Declarator declarator(OdecParser.DeclaratorContext ctx) {
        Optional<SystemItem.Initializer> init = Optional.ofNullable(ctx.initializer()).map(i -> switch (i) {
            case OdecParser.ListInitContext l -> new SystemItem.Initializer.ListOf(l.expr().stream().map(this::expression).toList(), span(l));
            case OdecParser.ScalarInitContext s -> new SystemItem.Initializer.Single(expression(s.expr()), span(s));
            default -> throw new IllegalStateException("unhandled initializer " + i.getClass().getSimpleName());
        });
        return new SystemItem.Declarator(identifier(ctx.ident()), Optional.ofNullable(ctx.size).map(this::expression), init, span(ctx));
    }

    private Expression expression(OdecParser.ExprContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case OdecParser.NumberExprContext n -> number(n.NUMBER().getSymbol());
            case OdecParser.PiExprContext p -> new Expression.Pi(span);
            case OdecParser.TimeExprContext t -> new Expression.Time(span);
            case OdecParser.CallExprContext c -> new Expression.Call(identifier(c.ident()), expressions(c.expr()), span);
            case OdecParser.IndexExprContext i -> new Expression.Indexed(identifier(i.ident()), expression(i.expr()), span);
            case OdecParser.NameExprContext n -> new Expression.Name(identifier(n.ident()), span);
            case OdecParser.ParenExprContext p -> expression(p.expr());
            case OdecParser.UnaryExprContext u -> new Expression.Unary(switch (u.op.getType()) {
                case OdecParser.MINUS -> Expression.UnaryOperator.NEGATE;
                case OdecParser.PLUS -> Expression.UnaryOperator.PLUS;
                default -> Expression.UnaryOperator.NOT;
            }, span(u.op), expression(u.expr()), span);
            case OdecParser.BinaryExprContext b -> new Expression.Binary(Expression.BinaryOperator.bySymbol(b.op.getText()),
                    span(b.op), expression(b.expr(0)), expression(b.expr(1)), span);
            case OdecParser.ConditionalExprContext c -> new Expression.Conditional(expression(c.expr(0)),
                    expression(c.expr(1)), expression(c.expr(2)), span);
            default -> throw new IllegalStateException("unhandled expression " + ctx.getClass().getSimpleName());
        };
    }

    // Plain loops, not streams, where the recursion goes: a stream adds a dozen frames per level of nesting.
    private List<Expression> expressions(List<OdecParser.ExprContext> ctxs) {
        List<Expression> out = new java.util.ArrayList<>(ctxs.size());
        for (OdecParser.ExprContext c : ctxs) {
            out.add(expression(c));
        }
        return out;
    }

    private List<BodyItem> bodyItems(List<OdecParser.BodyItemContext> ctxs) {
        List<BodyItem> out = new java.util.ArrayList<>(ctxs.size());
        for (OdecParser.BodyItemContext c : ctxs) {
            out.add(bodyItem(c));
        }
        return out;
    }

    private Expression.NumberLiteral number(Token token) {
        return new Expression.NumberLiteral(token.getText(), Double.parseDouble(token.getText()), span(token));
    }

    // ------------------------------------------------------------ tableaus

    private TableauItem tableauItem(OdecParser.TableauItemContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case OdecParser.OrderItemContext o -> new TableauItem.Order(number(o.NUMBER().getSymbol()), span);
            case OdecParser.EmbeddedItemContext e -> new TableauItem.Embedded(number(e.NUMBER().getSymbol()), span);
            case OdecParser.FsalItemContext f -> new TableauItem.Fsal(span);
            case OdecParser.VectorItemContext v -> new TableauItem.Vector(switch (v.kind.getType()) {
                case OdecParser.C -> TableauItem.VectorKind.C;
                case OdecParser.B -> TableauItem.VectorKind.B;
                case OdecParser.GAMMA -> TableauItem.VectorKind.GAMMA;
                default -> TableauItem.VectorKind.BHAT;
            }, coefficients(v.coefficients()), span);
            case OdecParser.RowItemContext r -> new TableauItem.Row(switch (r.kind.getType()) {
                case OdecParser.A -> TableauItem.RowKind.A;
                case OdecParser.ALPHA -> TableauItem.RowKind.ALPHA;
                case OdecParser.GAMMA -> TableauItem.RowKind.GAMMA;
                default -> TableauItem.RowKind.INTERP;
            }, number(r.NUMBER().getSymbol()), coefficients(r.coefficients()), span);
            default -> throw new IllegalStateException("unhandled tableau item " + ctx.getClass().getSimpleName());
        };
    }

    private List<Coefficient> coefficients(OdecParser.CoefficientsContext ctx) {
        return ctx.coefficient().stream().map(c -> new Coefficient(
                signed(c.num), c.den == null ? BigDecimal.ONE : signed(c.den), span(c))).toList();
    }

    private static BigDecimal signed(OdecParser.SignedNumberContext ctx) {
        BigDecimal value = new BigDecimal(ctx.NUMBER().getText());
        return ctx.MINUS() != null ? value.negate() : value;
    }

    // ------------------------------------------------------------ positions

    private Identifier identifier(OdecParser.IdentContext ctx) {
        return new Identifier(ctx.getText(), span(ctx));
    }

    private Span span(ParserRuleContext ctx) {
        Span start = span(ctx.getStart());
        Token stop = ctx.getStop();
        return stop == null || stop.getStopIndex() < ctx.getStart().getStartIndex() ? start : start.to(span(stop));
    }

    private Span span(Token token) {
        int length = Math.max(0, token.getStopIndex() - token.getStartIndex() + 1);
        return new Span(source, token.getLine(), token.getCharPositionInLine() + 1, token.getStartIndex(), length);
    }
}
