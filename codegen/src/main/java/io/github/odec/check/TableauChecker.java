package io.github.odec.check;

import io.github.odec.ast.TableauDecl;
import io.github.odec.ast.TableauItem;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Checks one tableau: its structure here (each line once, the required lines present, vector lengths,
 * strictly lower-triangular {@code a}), then the numeric rules of {@link TableauRules}, each reported
 * on the line it concerns.
 */
final class TableauChecker {

    private final TableauDecl decl;
    private final Diagnostics diagnostics;
    private final String name;
    private final MethodNumbers numbers;
    private Optional<TableauItem.Order> order = Optional.empty();
    private Optional<TableauItem.Embedded> embedded = Optional.empty();
    private Optional<TableauItem.Fsal> fsal = Optional.empty();
    private final Map<TableauItem.VectorKind, TableauItem.Vector> vectors = new EnumMap<>(TableauItem.VectorKind.class);
    private final Map<Integer, TableauItem.Row> aRows = new TreeMap<>();
    private final Map<Integer, TableauItem.Row> interpRows = new TreeMap<>();

    private TableauChecker(TableauDecl decl, Diagnostics diagnostics) {
        this.decl = decl;
        this.diagnostics = diagnostics;
        this.name = decl.name().text();
        this.numbers = new MethodNumbers("tableau '" + name + "'", diagnostics);
    }

    static Optional<Tableau> check(TableauDecl decl, Diagnostics diagnostics) {
        int before = diagnostics.errorCount();
        Optional<Tableau> tableau = new TableauChecker(decl, diagnostics).run();
        return diagnostics.errorCount() == before ? tableau : Optional.empty();
    }

    private Optional<Tableau> run() {
        int errorsBefore = diagnostics.errorCount();
        decl.items().forEach(this::collect);
        OptionalInt orderValue = order.map(o -> numbers.order(o.value(), "the order")).orElseGet(OptionalInt::empty);
        OptionalInt embeddedValue = embedded.map(e -> numbers.order(e.value(), "the embedded order")).orElseGet(OptionalInt::empty);
        requirePresent(order.isPresent(), "order", "order 4;");
        requirePresent(vectors.containsKey(TableauItem.VectorKind.C), "c", "c = 0, 1/2, 1/2, 1;");
        requirePresent(vectors.containsKey(TableauItem.VectorKind.B), "b", "b = 1/6, 1/3, 1/3, 1/6;");
        checkEmbeddedPairing();

        Optional<List<Rational>> c = vector(TableauItem.VectorKind.C);
        Optional<List<Rational>> b = vector(TableauItem.VectorKind.B);
        Optional<List<Rational>> bhat = vector(TableauItem.VectorKind.BHAT);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        int stages = c.get().size();
        b.ifPresent(v -> checkLength(TableauItem.VectorKind.B, v, stages));
        bhat.ifPresent(v -> checkLength(TableauItem.VectorKind.BHAT, v, stages));
        List<List<Rational>> a = aMatrix(stages);
        Optional<List<List<Rational>>> interp = interp(stages);
        if (diagnostics.errorCount() > errorsBefore || orderValue.isEmpty() || b.isEmpty()) {
            return Optional.empty(); // the numeric rules need a well-shaped tableau
        }
        Tableau tableau = new Tableau(name, orderValue.getAsInt(), embeddedValue, fsal.isPresent(), c.get(), a, b.get(),
                bhat, interp);
        for (TableauProblem problem : TableauRules.check(tableau)) {
            CheckError.TABLEAU_CONDITION.report(diagnostics, spanOf(problem),
                    "tableau '" + name + "': " + problem.message());
        }
        return Optional.of(tableau);
    }

    // ------------------------------------------------------------ structure

    private void collect(TableauItem item) {
        switch (item) {
            case TableauItem.Order o -> order = once(order, o, "order");
            case TableauItem.Embedded e -> embedded = once(embedded, e, "embedded");
            case TableauItem.Fsal f -> fsal = once(fsal, f, "fsal");
            case TableauItem.Vector v when v.kind() == TableauItem.VectorKind.GAMMA -> foreign(v, "gamma");
            case TableauItem.Row r when r.kind() == TableauItem.RowKind.ALPHA || r.kind() == TableauItem.RowKind.GAMMA ->
                    foreign(r, r.kind().keyword() + "[" + r.row().text() + "]");
            case TableauItem.Vector v -> {
                TableauItem.Vector first = vectors.putIfAbsent(v.kind(), v);
                if (first != null) {
                    duplicate(v.span(), v.kind().keyword(), first.span());
                }
            }
            case TableauItem.Row r -> {
                Map<Integer, TableauItem.Row> rows = r.kind() == TableauItem.RowKind.A ? aRows : interpRows;
                OptionalInt index = numbers.nonNegative(r.row(), "the row index of " + r.kind().keyword());
                if (index.isPresent()) {
                    TableauItem.Row first = rows.putIfAbsent(index.getAsInt(), r);
                    if (first != null) {
                        duplicate(r.span(), r.kind().keyword() + "[" + index.getAsInt() + "]", first.span());
                    }
                }
            }
        }
    }

    /** Rosenbrock lines share the grammar but have no meaning in an explicit tableau. */
    private void foreign(TableauItem item, String line) {
        CheckError.TABLEAU_FOREIGN_LINE.report(diagnostics, item.span(), "'" + line + "' is a line of a rosenbrock method, "
                + "not of tableau '" + name + "' (an explicit method has c, a[i], b, bhat and interp[i])");
    }

    private <T extends TableauItem> Optional<T> once(Optional<T> first, T item, String keyword) {
        if (first.isPresent()) {
            duplicate(item.span(), keyword, first.get().span());
            return first;
        }
        return Optional.of(item);
    }

    private void duplicate(Span at, String what, Span first) {
        CheckError.DUPLICATE_DECLARATION.report(diagnostics, at, "tableau '" + name + "' already has '" + what
                + "' at line " + first.line());
    }

    private void requirePresent(boolean present, String keyword, String example) {
        if (!present) {
            CheckError.TABLEAU_MISSING.report(diagnostics, decl.name().span(), "tableau '" + name + "' has no '"
                    + keyword + "' line (e.g. " + example + ")");
        }
    }

    private void checkEmbeddedPairing() {
        Optional<TableauItem.Vector> bhat = Optional.ofNullable(vectors.get(TableauItem.VectorKind.BHAT));
        if (embedded.isPresent() && bhat.isEmpty()) {
            CheckError.TABLEAU_EMBEDDED_MISMATCH.report(diagnostics, embedded.get().span(), "tableau '" + name
                    + "' declares an embedded order but no 'bhat' weights; add bhat = ...; or remove this line");
        } else if (bhat.isPresent() && embedded.isEmpty()) {
            CheckError.TABLEAU_EMBEDDED_MISMATCH.report(diagnostics, bhat.get().span(), "tableau '" + name
                    + "' has 'bhat' weights but no embedded order; add embedded <order>;");
        }
    }

    private Optional<List<Rational>> vector(TableauItem.VectorKind kind) {
        return Optional.ofNullable(vectors.get(kind)).flatMap(v -> numbers.rationals(v.values()));
    }

    private void checkLength(TableauItem.VectorKind kind, List<Rational> values, int stages) {
        if (values.size() != stages) {
            CheckError.TABLEAU_VECTOR_LENGTH.report(diagnostics, vectors.get(kind).span(), kind.keyword() + " has "
                    + MethodNumbers.count(values.size(), "value") + ", but tableau '" + name + "' has " + stages + " stages (the length of c)");
        }
    }

    /** Rows padded with zeros to a[i][0..i-1]; missing rows are zero. */
    private List<List<Rational>> aMatrix(int stages) {
        List<List<Rational>> a = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            a.add(Collections.nCopies(i, Rational.ZERO));
        }
        aRows.forEach((i, row) -> {
            if (i >= stages) {
                rowOutOfRange(row, stages);
                return;
            }
            if (row.values().size() > i) {
                CheckError.TABLEAU_NOT_LOWER_TRIANGULAR.report(diagnostics, row.values().get(i).span(), "a[" + i + "] has "
                        + MethodNumbers.count(row.values().size(), "value") + ", but row " + i + " of an explicit method holds at most " + i
                        + (i == 0 ? " (stage 0 uses no earlier stage)" : " (a[" + i + "][0.." + (i - 1) + "])")
                        + ": a must be strictly lower-triangular");
                return;
            }
            numbers.rationals(row.values()).ifPresent(values -> {
                List<Rational> padded = new ArrayList<>(values);
                padded.addAll(Collections.nCopies(i - values.size(), Rational.ZERO));
                a.set(i, padded);
            });
        });
        return a;
    }

    /** All rows share one degree; missing rows are zero polynomials. */
    private Optional<List<List<Rational>>> interp(int stages) {
        if (interpRows.isEmpty()) {
            return Optional.empty();
        }
        TableauItem.Row first = interpRows.values().iterator().next();
        int degree = first.values().size();
        List<List<Rational>> rows = new ArrayList<>(Collections.nCopies(stages, Collections.nCopies(degree, Rational.ZERO)));
        interpRows.forEach((i, row) -> {
            if (i >= stages) {
                rowOutOfRange(row, stages);
            } else if (row.values().size() != degree) {
                CheckError.TABLEAU_VECTOR_LENGTH.report(diagnostics, row.span(), "interp[" + i + "] has " + MethodNumbers.count(row.values().size(), "coefficient")
                        + ", but interp[" + first.row().text() + "] has " + degree
                        + "; every row needs the same degree");
            } else {
                numbers.rationals(row.values()).ifPresent(values -> rows.set(i, values));
            }
        });
        return Optional.of(rows);
    }

    private void rowOutOfRange(TableauItem.Row row, int stages) {
        CheckError.TABLEAU_ROW_OUT_OF_RANGE.report(diagnostics, row.row().span(), row.kind().keyword() + "["
                + row.row().text() + "] is out of range: tableau '" + name + "' has " + stages
                + " stages (the length of c), rows 0.." + (stages - 1));
    }

    // ------------------------------------------------------------ where problems go

    private Span spanOf(TableauProblem p) {
        Span nameSpan = decl.name().span();
        Span c = vectorSpan(TableauItem.VectorKind.C).orElse(nameSpan);
        return switch (p.part()) {
            case ORDER -> order.<Span>map(TableauItem::span).orElse(nameSpan);
            case EMBEDDED -> embedded.<Span>map(TableauItem::span).or(() -> order.map(TableauItem::span)).orElse(nameSpan);
            case C, A -> Optional.ofNullable(aRows.get(p.row())).<Span>map(TableauItem::span).orElse(c);
            case B -> vectorSpan(TableauItem.VectorKind.B).orElse(nameSpan);
            case BHAT -> vectorSpan(TableauItem.VectorKind.BHAT).orElse(nameSpan);
            case INTERP -> Optional.ofNullable(interpRows.get(p.row()))
                    .or(() -> interpRows.values().stream().findFirst()).<Span>map(TableauItem::span).orElse(nameSpan);
        };
    }

    private Optional<Span> vectorSpan(TableauItem.VectorKind kind) {
        return Optional.ofNullable(vectors.get(kind)).map(TableauItem::span);
    }
}
