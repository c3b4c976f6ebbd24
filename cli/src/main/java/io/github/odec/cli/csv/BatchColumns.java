package io.github.odec.cli.csv;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.ProblemList;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the columns of an input table onto a batch, one row per instance: a column named after a
 * state component gives that component's y0, one named after a parameter gives its value, and
 * {@code t0}, {@code t1}, {@code atol}, {@code rtol} give the span and tolerances. Names of the
 * system win over those four, so a parameter called {@code t0} stays a parameter. Whatever no
 * column gives keeps the value already in the batch (the command line's shared values, or the
 * layout's defaults).
 */
public final class BatchColumns {

    private static final List<String> CONTROL_COLUMNS = List.of("t0", "t1", "atol", "rtol");

    private BatchColumns() {}

    /**
     * @throws CsvInputException naming the file for an unknown column (listing the allowed ones) or
     *                           a row count that differs from the batch, and the line and column
     *                           for a value that is not finite (or not positive, for tolerances)
     */
    public static void fill(InputTable table, Batch batch) {
        SystemLayout layout = batch.layout();
        if (table.rowCount() != batch.size()) {
            throw new CsvInputException(table.source() + ": " + table.rowCount() + " rows, but the batch has "
                    + batch.size() + " instances");
        }
        List<ColumnRole> roles = roles(table, layout);
        ProblemList<CsvInputException> problems = CsvInputException.collector();
        for (int row = 0; row < table.rowCount(); row++) {
            for (int c = 0; c < roles.size(); c++) {
                double v = table.value(row, c);
                ColumnRole role = roles.get(c);
                boolean tolerance = role instanceof ColumnRole.AbsoluteTolerance
                        || role instanceof ColumnRole.RelativeTolerance;
                if (!Double.isFinite(v) || (tolerance && v <= 0)) {
                    problems.add(table.source() + ":" + table.lineOf(row) + ": column '" + table.columns().get(c)
                            + "' is " + v + "; it must be finite" + (tolerance ? " and > 0" : ""));
                    continue;
                }
                switch (role) {
                    case ColumnRole.State s -> batch.state(s.name(), row, v);
                    case ColumnRole.Parameter p -> batch.param(p.name(), row, v);
                    case ColumnRole.StartTime _ -> batch.t0(row, v);
                    case ColumnRole.EndTime _ -> batch.t1(row, v);
                    case ColumnRole.AbsoluteTolerance _ -> batch.atol(row, v);
                    case ColumnRole.RelativeTolerance _ -> batch.rtol(row, v);
                }
            }
        }
        problems.throwIfAny();
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

    private static List<ColumnRole> roles(InputTable table, SystemLayout layout) {
        List<ColumnRole> roles = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : table.columns()) {
            ColumnRole role = role(name, layout);
            if (role == null) {
                unknown.add("'" + name + "'");
            }
            roles.add(role);
        }
        if (!unknown.isEmpty()) {
            throw new CsvInputException(table.source() + ": unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; system '" + layout.systemName() + "' allows: "
                    + String.join(", ", allowedColumns(layout)));
        }
        return roles;
    }

    /** The role of a column name, or null when the layout has no such name. */
    private static ColumnRole role(String name, SystemLayout layout) {
        if (layout.stateNames().contains(name)) {
            return new ColumnRole.State(name);
        }
        if (layout.paramNames().contains(name)) {
            return new ColumnRole.Parameter(name);
        }
        return switch (name) {
            case "t0" -> new ColumnRole.StartTime();
            case "t1" -> new ColumnRole.EndTime();
            case "atol" -> new ColumnRole.AbsoluteTolerance();
            case "rtol" -> new ColumnRole.RelativeTolerance();
            default -> null;
        };
    }
}
