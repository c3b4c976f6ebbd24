package io.github.odec.cli.csv;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.InputColumn;
import io.github.odec.runtime.ProblemList;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the columns of an input table onto a batch, one row per instance: a column named after a
 * state component gives that component's y0, one named after a parameter gives its value, and
 * {@code t0}, {@code t1}, {@code atol}, {@code rtol} give the span and tolerances. Names of the
 * system win over those four, so a parameter called {@code t0} stays a parameter. Whatever no
 * column gives keeps the value already in the batch (the command line's shared values, or the
 * layout's defaults).
 *
 * <p>A missing cell (empty, {@code NaN}, {@code NA}, ...) means the same as a column left out, for
 * that row only: the row keeps the command line's value, else the {@code .ode} file's default; a
 * state or parameter that has neither is an error naming the line and column.
 */
public final class BatchColumns {

    private static final List<String> CONTROL_COLUMNS = List.of("t0", "t1", "atol", "rtol");

    private BatchColumns() {}

    /** {@link #fill(InputTable, Batch, Set)} when the command line gave no shared parameters. */
    public static void fill(InputTable table, Batch batch) {
        fill(table, batch, Set.of());
    }

    /**
     * @param sharedParams the parameters the command line gave for every instance ({@code --param}),
     *                     which missing cells fall back to
     * @throws CsvInputException naming the file for an unknown column (listing the allowed ones) or
     *                           a row count that differs from the batch, and the line and column
     *                           for a value that is not finite (or not positive, for tolerances)
     *                           or missing with nothing to fall back to
     */
    public static void fill(InputTable table, Batch batch, Set<String> sharedParams) {
        SystemLayout layout = batch.layout();
        if (table.rowCount() != batch.size()) {
            throw new CsvInputException(table.source() + ": " + table.rowCount() + " rows, but the batch has "
                    + batch.size() + " instances");
        }
        List<InputColumn> roles = roles(table, layout);
        ProblemList<CsvInputException> problems = CsvInputException.collector();
        for (int row = 0; row < table.rowCount(); row++) {
            for (int c = 0; c < roles.size(); c++) {
                InputColumn role = roles.get(c);
                String at = table.source() + ":" + table.lineOf(row) + ": column '" + table.columns().get(c) + "'";
                if (table.missing(row, c)) {
                    fallback(role, layout, sharedParams).ifPresent(problem -> problems.add(at + problem));
                    continue;
                }
                double v = table.value(row, c);
                boolean tolerance = role.isTolerance();
                if (!Double.isFinite(v) || (tolerance && v <= 0)) {
                    problems.add(at + " is " + v + "; it must be finite" + (tolerance ? " and > 0" : ""));
                    continue;
                }
                role.set(batch, row, v);
            }
        }
        problems.throwIfAny();
    }

    /** Why a missing cell of this role cannot be filled in, or empty when the batch's value stands. */
    private static Optional<String> fallback(InputColumn role, SystemLayout layout, Set<String> sharedParams) {
        return switch (role) {
            case InputColumn.State s -> Double.isNaN(layout.stateDefaults().get(layout.stateNames().indexOf(s.name())))
                    ? Optional.of(" is empty, and state '" + s.name() + "' has no initial value in the .ode file;"
                            + " give a number in this cell")
                    : Optional.empty();
            case InputColumn.Parameter p -> sharedParams.contains(p.name())
                    || !Double.isNaN(layout.paramDefaults().get(layout.paramNames().indexOf(p.name())))
                    ? Optional.empty()
                    : Optional.of(" is empty, and parameter '" + p.name() + "' has no default in the .ode file;"
                            + " give a number in this cell, or --param " + p.name() + "=VALUE for the empty cells");
            case InputColumn.StartTime _, InputColumn.EndTime _, InputColumn.AbsoluteTolerance _,
                 InputColumn.RelativeTolerance _ -> Optional.empty(); // the command line's value (it has a default)
        };
    }

    /** The column names this layout accepts, in the order messages list them. */
    public static List<String> allowedColumns(SystemLayout layout) {
        List<String> allowed = new ArrayList<>(layout.stateNames());
        allowed.addAll(layout.paramNames());
        for (String name : CONTROL_COLUMNS) {
            if (!allowed.contains(name)) {
                allowed.add(name);
            }
        }
        return allowed;
    }

    private static List<InputColumn> roles(InputTable table, SystemLayout layout) {
        List<InputColumn> roles = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : table.columns()) {
            InputColumn role = InputColumn.named(name, layout).orElse(null);
            if (role == null) {
                unknown.add("'" + name + "'");
            }
            roles.add(role);
        }
        if (!unknown.isEmpty()) {
            throw new CsvInputException(table.source() + ": unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; system '" + layout.systemName() + "' allows: "
                    + String.join(", ", allowedColumns(layout))
                    + (roles.getFirst() == null && looksLikeRowLabels(table) ? "; the first column '"
                            + table.columns().getFirst() + "' looks like row labels: odec numbers instances by row,"
                            + " so leave it out (pandas: to_csv(index=False)) or leave its header cell empty" : ""));
        }
        return roles;
    }

    /** pandas' re-saved index ("Unnamed: 0") or a column counting rows from 0 or 1. */
    private static boolean looksLikeRowLabels(InputTable table) {
        if (table.columns().getFirst().startsWith("Unnamed")) {
            return true;
        }
        if (table.rowCount() == 0) {
            return false;
        }
        double start = table.value(0, 0);
        if (start != 0 && start != 1) {
            return false;
        }
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.value(row, 0) != start + row) {
                return false;
            }
        }
        return true;
    }
}
