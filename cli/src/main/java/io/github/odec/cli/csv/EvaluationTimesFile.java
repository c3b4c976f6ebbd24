package io.github.odec.cli.csv;

import io.github.odec.runtime.ProblemList;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-instance evaluation times in long format: a header {@code instance,t}, then one row per
 * point, the points of each instance in the order it should reach them; instances may have
 * different numbers of points. It is the shape of odec's own values output ({@code instance,t,...})
 * and of a tidy data frame, so {@code df[["instance", "t"]].to_csv(index=False)} writes one.
 */
public final class EvaluationTimesFile {

    private EvaluationTimesFile() {}

    /**
     * {@code times[instance]}: the times of each instance in file order.
     *
     * @throws CsvInputException naming file and line for other columns, an instance that is not an
     *                           integer in the batch, a time that is missing or not finite, and
     *                           naming the instances that have no row at all
     */
    public static double[][] read(InputTable table, int instances) {
        String file = table.source();
        int instanceColumn = table.column("instance").orElse(-1);
        int timeColumn = table.column("t").orElse(-1);
        List<String> other = table.columns().stream().filter(c -> !c.equals("instance") && !c.equals("t"))
                .map(c -> "'" + c + "'").toList();
        if (instanceColumn < 0 || timeColumn < 0 || !other.isEmpty()) {
            throw new CsvInputException(file + ": the header must be instance,t (one row per evaluation point), not "
                    + String.join(",", table.columns()));
        }
        ProblemList<CsvInputException> problems = CsvInputException.collector();
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            rows.add(new ArrayList<>());
        }
        for (int r = 0; r < table.rowCount(); r++) {
            String at = file + ":" + table.lineOf(r) + ": ";
            double instance = table.value(r, instanceColumn);
            double t = table.value(r, timeColumn);
            boolean ok = true;
            if (!(instance >= 0 && instance < instances && instance == Math.rint(instance))) {
                String what = table.missing(r, instanceColumn) ? "column 'instance' is empty; it must be one"
                        : "instance " + (instance == Math.rint(instance) && Math.abs(instance) < 1e15
                                ? String.valueOf((long) instance) : String.valueOf(instance)) + " is not one";
                problems.add(at + what + " of the batch's instances (0 to " + (instances - 1) + ")");
                ok = false;
            }
            if (!Double.isFinite(t)) {
                problems.add(at + "column 't' " + (table.missing(r, timeColumn) ? "is empty" : "is " + t)
                        + "; an evaluation time must be a finite number");
                ok = false;
            }
            if (ok) {
                rows.get((int) instance).add(t);
            }
        }
        problems.throwIfAny();
        List<Integer> without = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            if (rows.get(i).isEmpty()) {
                without.add(i);
            }
        }
        if (!without.isEmpty()) {
            List<String> listed = without.stream().limit(ProblemList.MAX_LISTED).map(String::valueOf).toList();
            throw new CsvInputException(file + ": no times for instance" + (without.size() > 1 ? "s " : " ")
                    + String.join(", ", listed) + (without.size() > listed.size() ? ", ..." : "")
                    + "; every instance of the batch (0 to " + (instances - 1) + ") needs at least one row");
        }
        double[][] times = new double[instances][];
        for (int i = 0; i < instances; i++) {
            times[i] = rows.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return times;
    }
}
