package io.github.odec.ir;

import io.github.odec.runtime.spi.Slot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects the statements of one block. Nested blocks share the set of local names, so a name is
 * declared once per solver function whatever the nesting (printers may then hoist or not).
 */
public final class StatementBuilder {

    private final List<Stmt> statements = new ArrayList<>();
    private final Set<String> names;

    public StatementBuilder() {
        this(new HashSet<>());
    }

    private StatementBuilder(Set<String> names) {
        this.names = names;
    }

    public Local declare(String name, ScalarType type, IrExpr init) {
        if (!names.add(name)) {
            throw new IllegalStateException("local declared twice: " + name);
        }
        Local l = new Local(name, type);
        statements.add(new Stmt.Declare(l, init));
        return l;
    }

    public LocalArray array(String name, int length) {
        if (!names.add(name)) {
            throw new IllegalStateException("local declared twice: " + name);
        }
        LocalArray a = new LocalArray(name, length);
        statements.add(new Stmt.DeclareArray(a));
        return a;
    }

    public void storeElement(LocalArray a, IrExpr index, IrExpr value) {
        statements.add(new Stmt.StoreElement(a, index, value));
    }

    /** {@code for (int var = from; var < to; var++) body}, the variable named freshly from {@code base}. */
    public void forRange(String base, int from, int to, java.util.function.BiConsumer<StatementBuilder, Local> body) {
        Local var = new Local(fresh(base), ScalarType.INT);
        names.add(var.name());
        statements.add(new Stmt.For(var, from, to, nested(b -> body.accept(b, var))));
    }

    public Local real(String name, IrExpr init) {
        return declare(name, ScalarType.REAL, init);
    }

    public Local integer(String name, IrExpr init) {
        return declare(name, ScalarType.INT, init);
    }

    public Local bool(String name, IrExpr init) {
        return declare(name, ScalarType.BOOL, init);
    }

    /** A name not used yet, made from {@code base} by a numeric suffix where needed. */
    public String fresh(String base) {
        if (!names.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!names.contains(base + n)) {
                return base + n;
            }
        }
    }

    public void assign(Local l, IrExpr value) {
        statements.add(new Stmt.Assign(l, value));
    }

    public void store(Slot b, IrExpr index, IrExpr value) {
        statements.add(new Stmt.Store(b, index, value));
    }

    public void comment(String text) {
        statements.add(new Stmt.Comment(text));
    }

    public void breakLoop() {
        statements.add(new Stmt.Break());
    }

    public void add(Stmt s) {
        statements.add(s);
    }

    public void ifThen(IrExpr condition, Consumer<StatementBuilder> then) {
        statements.add(new Stmt.If(condition, nested(then), List.of()));
    }

    public void ifThenElse(IrExpr condition, Consumer<StatementBuilder> then, Consumer<StatementBuilder> otherwise) {
        statements.add(new Stmt.If(condition, nested(then), nested(otherwise)));
    }

    public void whileLoop(IrExpr condition, Consumer<StatementBuilder> body) {
        statements.add(new Stmt.While(condition, nested(body)));
    }

    public List<Stmt> nested(Consumer<StatementBuilder> fill) {
        StatementBuilder inner = new StatementBuilder(names);
        fill.accept(inner);
        return inner.build();
    }

    public List<Stmt> build() {
        return List.copyOf(statements);
    }
}
