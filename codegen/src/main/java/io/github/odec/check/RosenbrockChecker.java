package io.github.odec.check;

import io.github.odec.ast.RosenbrockDecl;
import io.github.odec.ast.TableauItem;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import io.github.odec.model.Rational;
import io.github.odec.model.Rosenbrock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Checks one Rosenbrock method: its structure here (each line once, the required lines present, no
 * tableau-only lines, vector lengths, strictly lower-triangular alpha and gamma rows, γ &gt; 0), then the
 * numeric rules of {@link RosenbrockRules}, each reported on the line it concerns. The number of stages
 * is the length of b.
 */
final class RosenbrockChecker {

    private final RosenbrockDecl decl;
    private final Diagnostics diagnostics;
    private final String name;
    private final MethodNumbers numbers;
    private Optional<TableauItem.Order> order = Optional.empty();
    private Optional<TableauItem.Embedded> embedded = Optional.empty();
    private final Map<TableauItem.VectorKind, TableauItem.Vector> vectors = new EnumMap<>(TableauItem.VectorKind.class);
    private final Map<TableauItem.RowKind, Map<Integer, TableauItem.Row>> rows = new EnumMap<>(TableauItem.RowKind.class);

    private RosenbrockChecker(RosenbrockDecl decl, Diagnostics diagnostics) {
        this.decl = decl;
        this.diagnostics = diagnostics;
        this.name = decl.name().text();
        this.numbers = new MethodNumbers("rosenbrock method '" + name + "'", diagnostics);
    }

    static Optional<Rosenbrock> check(RosenbrockDecl decl, Diagnostics diagnostics) {
        int before = diagnostics.errorCount();
        Optional<Rosenbrock> method = new RosenbrockChecker(decl, diagnostics).run();
        return diagnostics.errorCount() == before ? method : Optional.empty();
    }

    private Optional<Rosenbrock> run() {
        int errorsBefore = diagnostics.errorCount();
        decl.items().forEach(this::collect);
        OptionalInt orderValue = order.map(o -> numbers.order(o.value(), "the order")).orElseGet(OptionalInt::empty);
        OptionalInt embeddedValue = embedded.map(e -> numbers.order(e.value(), "the embedded order")).orElseGet(OptionalInt::empty);
        requirePresent(order.isPresent(), "order", "order 4;");
        requirePresent(vectors.containsKey(TableauItem.VectorKind.GAMMA), "gamma", "gamma = 1/4;");
        requirePresent(vectors.containsKey(TableauItem.VectorKind.B), "b", "b = 0, 1;");
        checkEmbeddedPairing();

        Optional<Rational> gamma = gamma();
        Optional<List<Rational>> b = vector(TableauItem.VectorKind.B);
        Optional<List<Rational>> bhat = vector(TableauItem.VectorKind.BHAT);
        if (b.isEmpty()) {
            return Optional.empty();
        }
        int stages = b.get().size();
        bhat.ifPresent(v -> checkLength(TableauItem.VectorKind.BHAT, v, stages));
        List<List<Rational>> alpha = lowerTriangular(TableauItem.RowKind.ALPHA, stages);
        List<List<Rational>> gammas = lowerTriangular(TableauItem.RowKind.GAMMA, stages);
        Optional<List<List<Rational>>> dense = dense(stages);
        if (diagnostics.errorCount() > errorsBefore || orderValue.isEmpty() || gamma.isEmpty()) {
            return Optional.empty(); // the numeric rules need a well-shaped method
        }
        Rosenbrock method = new Rosenbrock(name, orderValue.getAsInt(), embeddedValue, gamma.get(), alpha, gammas,
                b.get(), bhat, dense);
        for (TableauProblem problem : RosenbrockRules.check(method)) {
            CheckError.TABLEAU_CONDITION.report(diagnostics, spanOf(problem),
                    "rosenbrock method '" + name + "': " + problem.message());
        }
        return Optional.of(method);
    }

    // ------------------------------------------------------------ structure

    private void collect(TableauItem item) {
        switch (item) {
            case TableauItem.Order o -> order = once(order, o, "order");
            case TableauItem.Embedded e -> embedded = once(embedded, e, "embedded");
            case TableauItem.Fsal f -> foreign(f, "fsal", "its last stage is not f at the new point");
            case TableauItem.Vector v when v.kind() == TableauItem.VectorKind.C ->
                    foreign(v, "c", "its nodes are the row sums of alpha");
            case TableauItem.Vector v -> {
                TableauItem.Vector first = vectors.putIfAbsent(v.kind(), v);
                if (first != null) {
                    duplicate(v.span(), v.kind().keyword(), first.span());
                }
            }
            case TableauItem.Row r when r.kind() == TableauItem.RowKind.A ->
                    foreign(r, "a[" + r.row().text() + "]", "write its stage coefficients as alpha[i]");
            case TableauItem.Row r -> {
                Map<Integer, TableauItem.Row> ofKind = rows.computeIfAbsent(r.kind(), k -> new TreeMap<>());
                OptionalInt index = numbers.nonNegative(r.row(), "the row index of " + r.kind().keyword());
                if (index.isPresent()) {
                    TableauItem.Row first = ofKind.putIfAbsent(index.getAsInt(), r);
                    if (first != null) {
                        duplicate(r.span(), r.kind().keyword() + "[" + index.getAsInt() + "]", first.span());
                    }
                }
            }
        }
    }

    private void foreign(TableauItem item, String line, String why) {
        CheckError.TABLEAU_FOREIGN_LINE.report(diagnostics, item.span(), "'" + line + "' is a line of an explicit tableau, "
                + "not of rosenbrock method '" + name + "': " + why);
    }

    private <T extends TableauItem> Optional<T> once(Optional<T> first, T item, String keyword) {
        if (first.isPresent()) {
            duplicate(item.span(), keyword, first.get().span());
            return first;
        }
        return Optional.of(item);
    }

    private void duplicate(Span at, String what, Span first) {
        CheckError.DUPLICATE_DECLARATION.report(diagnostics, at, "rosenbrock method '" + name + "' already has '" + what
                + "' at line " + first.line());
    }

    private void requirePresent(boolean present, String keyword, String example) {
        if (!present) {
            CheckError.TABLEAU_MISSING.report(diagnostics, decl.name().span(), "rosenbrock method '" + name + "' has no '"
                    + keyword + "' line (e.g. " + example + ")");
        }
    }

    private void checkEmbeddedPairing() {
        Optional<TableauItem.Vector> bhat = Optional.ofNullable(vectors.get(TableauItem.VectorKind.BHAT));
        if (embedded.isPresent() && bhat.isEmpty()) {
            CheckError.TABLEAU_EMBEDDED_MISMATCH.report(diagnostics, embedded.get().span(), "rosenbrock method '" + name
                    + "' declares an embedded order but no 'bhat' weights; add bhat = ...; or remove this line");
        } else if (bhat.isPresent() && embedded.isEmpty()) {
            CheckError.TABLEAU_EMBEDDED_MISMATCH.report(diagnostics, bhat.get().span(), "rosenbrock method '" + name
                    + "' has 'bhat' weights but no embedded order; add embedded <order>;");
        }
    }

    /** The diagonal: one value, positive, so that W = I − hγJ is I for h = 0 and damps stiff modes. */
    private Optional<Rational> gamma() {
        TableauItem.Vector line = vectors.get(TableauItem.VectorKind.GAMMA);
        if (line == null) {
            return Optional.empty();
        }
        if (line.values().size() != 1) {
            CheckError.TABLEAU_VECTOR_LENGTH.report(diagnostics, line.span(), "gamma has "
                    + MethodNumbers.count(line.values().size(), "value") + "; it is the one diagonal value (rows go in gamma[i])");
            return Optional.empty();
        }
        Optional<Rational> gamma = numbers.rational(line.values().getFirst());
        if (gamma.isPresent() && gamma.get().signum() <= 0) {
            CheckError.TABLEAU_CONDITION.report(diagnostics, line.values().getFirst().span(), "gamma of rosenbrock method '"
                    + name + "' is " + gamma.get() + "; it must be positive");
            return Optional.empty();
        }
        return gamma;
    }

    private Optional<List<Rational>> vector(TableauItem.VectorKind kind) {
        return Optional.ofNullable(vectors.get(kind)).flatMap(v -> numbers.rationals(v.values()));
    }

    private void checkLength(TableauItem.VectorKind kind, List<Rational> values, int stages) {
        if (values.size() != stages) {
            CheckError.TABLEAU_VECTOR_LENGTH.report(diagnostics, vectors.get(kind).span(), kind.keyword() + " has "
                    + MethodNumbers.count(values.size(), "value") + ", but rosenbrock method '" + name + "' has " + stages
                    + " stages (the length of b)");
        }
    }

    private Map<Integer, TableauItem.Row> rows(TableauItem.RowKind kind) {
        return rows.getOrDefault(kind, Map.of());
    }

    /** alpha or gamma rows padded with zeros to [i][0..i-1]; missing rows are zero. */
    private List<List<Rational>> lowerTriangular(TableauItem.RowKind kind, int stages) {
        List<List<Rational>> matrix = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            matrix.add(Collections.nCopies(i, Rational.ZERO));
        }
        String keyword = kind.keyword();
        rows(kind).forEach((i, row) -> {
            if (i >= stages) {
                rowOutOfRange(row, stages);
                return;
            }
            if (row.values().size() > i) {
                String diagonal = kind == TableauItem.RowKind.GAMMA ? "; the diagonal is the one value of gamma" : "";
                CheckError.TABLEAU_NOT_LOWER_TRIANGULAR.report(diagnostics, row.values().get(i).span(), keyword + "[" + i
                        + "] has " + MethodNumbers.count(row.values().size(), "value") + ", but row " + i + " holds at most " + i
                        + (i == 0 ? " (stage 0 uses no earlier stage)" : " (" + keyword + "[" + i + "][0.." + (i - 1) + "])")
                        + ": " + keyword + " must be strictly lower-triangular" + diagonal);
                return;
            }
            numbers.rationals(row.values()).ifPresent(values -> {
                List<Rational> padded = new ArrayList<>(values);
                padded.addAll(Collections.nCopies(i - values.size(), Rational.ZERO));
                matrix.set(i, padded);
            });
        });
        return matrix;
    }

    /** All interp rows share one degree; missing rows are zero polynomials. */
    private Optional<List<List<Rational>>> dense(int stages) {
        Map<Integer, TableauItem.Row> interp = rows(TableauItem.RowKind.INTERP);
        if (interp.isEmpty()) {
            return Optional.empty();
        }
        TableauItem.Row first = interp.values().iterator().next();
        int degree = first.values().size();
        List<List<Rational>> out = new ArrayList<>(Collections.nCopies(stages, Collections.nCopies(degree, Rational.ZERO)));
        interp.forEach((i, row) -> {
            if (i >= stages) {
                rowOutOfRange(row, stages);
            } else if (row.values().size() != degree) {
                CheckError.TABLEAU_VECTOR_LENGTH.report(diagnostics, row.span(), "interp[" + i + "] has "
                        + MethodNumbers.count(row.values().size(), "coefficient") + ", but interp[" + first.row().text()
                        + "] has " + degree + "; every row needs the same degree");
            } else {
                numbers.rationals(row.values()).ifPresent(values -> out.set(i, values));
            }
        });
        return Optional.of(out);
    }

    private void rowOutOfRange(TableauItem.Row row, int stages) {
        CheckError.TABLEAU_ROW_OUT_OF_RANGE.report(diagnostics, row.row().span(), row.kind().keyword() + "["
                + row.row().text() + "] is out of range: rosenbrock method '" + name + "' has " + stages
                + " stages (the length of b), rows 0.." + (stages - 1));
    }

    // ------------------------------------------------------------ where problems go

    private Span spanOf(TableauProblem p) {
        Span nameSpan = decl.name().span();
        return switch (p.part()) {
            case ORDER -> order.<Span>map(TableauItem::span).orElse(nameSpan);
            case EMBEDDED -> embedded.<Span>map(TableauItem::span).or(() -> order.map(TableauItem::span)).orElse(nameSpan);
            case C, A -> Optional.ofNullable(rows(TableauItem.RowKind.ALPHA).get(p.row())).<Span>map(TableauItem::span).orElse(nameSpan);
            case B -> vectorSpan(TableauItem.VectorKind.B).orElse(nameSpan);
            case BHAT -> vectorSpan(TableauItem.VectorKind.BHAT).orElse(nameSpan);
            case INTERP -> Optional.ofNullable(rows(TableauItem.RowKind.INTERP).get(p.row()))
                    .or(() -> rows(TableauItem.RowKind.INTERP).values().stream().findFirst()).<Span>map(TableauItem::span)
                    .orElse(nameSpan);
        };
    }

    private Optional<Span> vectorSpan(TableauItem.VectorKind kind) {
        return Optional.ofNullable(vectors.get(kind)).map(TableauItem::span);
    }
}
