package io.github.odec.spark;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.spi.SolverFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Solves one partition on odec's CPU backend, {@code chunk} rows at a time, so a task's memory is
 * bounded by the chunk, not the partition. Each instance's solve touches only its own slots, so a
 * row's result does not depend on which rows share its chunk, partition or thread: it is what the
 * plain CPU backend gives the same instance.
 */
record PartitionSolver(SolverSource source, ShippedOptions options, EvaluationPoints points, List<SourceColumn> columns,
                       int[] keptPositions,
                       SharedSpan span, double atol, double rtol,
                       ResultSchema results, int chunk) implements MapPartitionsFunction<Row, Row> {

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        SolverFactory factory = source.factory();
        TaskContext task = TaskContext.get();
        // The cores Spark gave this task (spark.task.cpus), so tasks do not oversubscribe the executor.
        SolverOptions solverOptions = options.options(task == null ? 1 : Math.max(1, task.cpus()));
        return new Iterator<>() {
            private final List<Object[]> kept = new ArrayList<>();
            private Solution solution;
            private int next;

            @Override
            public boolean hasNext() {
                if (solution != null && next < solution.instances()) {
                    return true;
                }
                if (!rows.hasNext()) {
                    return false;
                }
                solveChunk(factory, solverOptions, rows);
                return solution.instances() > 0;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = results.row(kept.get(next), solution, next);
                next++;
                return row;
            }

            private void solveChunk(SolverFactory factory, SolverOptions solverOptions, Iterator<Row> rows) {
                List<Row> inputs = new ArrayList<>(chunk);
                while (inputs.size() < chunk && rows.hasNext()) {
                    inputs.add(rows.next());
                }
                kept.clear();
                Batch batch = batch(factory, inputs);
                solution = Solver.cpu().solve(factory, batch, solverOptions);
                next = 0;
            }

            private Batch batch(SolverFactory factory, List<Row> inputs) {
                Batch batch = new Batch(factory.layout(), inputs.size());
                span.applyTo(batch);
                batch.atol(atol).rtol(rtol);
                points.applyTo(batch);
                for (int i = 0; i < inputs.size(); i++) {
                    Row row = inputs.get(i);
                    Object[] keptValues = new Object[keptPositions.length];
                    for (int k = 0; k < keptPositions.length; k++) {
                        keptValues[k] = row.get(keptPositions[k]);
                    }
                    for (int c = 0; c < columns.size(); c++) {
                        if (columns.get(c) instanceof SourceColumn.Input input && !row.isNullAt(c)) {
                            // a null input keeps the batch's value, as a missing cell in odec solve's CSV
                            input.role().set(batch, i, ((Number) row.get(c)).doubleValue());
                        }
                    }
                    kept.add(keptValues);
                }
                return batch;
            }
        };
    }
}
