package io.github.odec.spark;

import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Statistics;
import io.github.odec.runtime.spi.SystemLayout;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * The columns of the results: the kept input columns, then {@code status}, {@code final} (a struct
 * of the final state, one field per state component), with evaluation times {@code t} and
 * {@code values} (a struct of one array per component, aligned with {@code t}), then one column per
 * {@code observe} of the system, named after it (the reductions the solver loop computed), then the statistics
 * under the names of {@code odec solve --stats}: {@code n_f_evals}, {@code n_steps},
 * {@code n_accepted}, {@code n_initialized}, {@code n_rejected}, {@code h_last}, {@code h_min},
 * {@code h_max}, {@code t_stop}. Structs keep the state names free of clashes with the input
 * columns named after the same states ({@code final.S} beside the initial {@code S}).
 */
record ResultSchema(StructType schema, int keptCount, int stateCount, int observeCount, boolean withTimes)
        implements Serializable {

    static ResultSchema of(SystemLayout layout, List<StructField> kept, boolean withTimes) {
        List<StructField> fields = new ArrayList<>(kept);
        fields.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("final", components(layout, DataTypes.DoubleType), false));
        if (withTimes) {
            var array = DataTypes.createArrayType(DataTypes.DoubleType, false);
            fields.add(DataTypes.createStructField("t", array, false));
            fields.add(DataTypes.createStructField("values", components(layout, array), false));
        }
        for (String observe : layout.observeNames()) {
            if (kept.stream().anyMatch(f -> f.name().equals(observe))) {
                throw new IllegalArgumentException("kept column '" + observe + "' has the name of an observe of system '"
                        + layout.systemName() + "': rename it before solving");
            }
            fields.add(DataTypes.createStructField(observe, DataTypes.DoubleType, false));
        }
        for (String count : List.of("n_f_evals", "n_steps", "n_accepted", "n_initialized", "n_rejected")) {
            fields.add(DataTypes.createStructField(count, DataTypes.IntegerType, false));
        }
        for (String step : List.of("h_last", "h_min", "h_max", "t_stop")) {
            fields.add(DataTypes.createStructField(step, DataTypes.DoubleType, false));
        }
        return new ResultSchema(DataTypes.createStructType(fields), kept.size(), layout.stateCount(),
                layout.observeCount(), withTimes);
    }

    private static StructType components(SystemLayout layout, DataType type) {
        return DataTypes.createStructType(layout.stateNames().stream()
                .map(name -> DataTypes.createStructField(name, type, false)).toList());
    }

    /** The result row of instance {@code i} of a solved chunk, after the kept values of its input row. */
    Row row(Object[] keptValues, Solution solution, int i) {
        Object[] cells = new Object[schema.size()];
        System.arraycopy(keptValues, 0, cells, 0, keptCount);
        int c = keptCount;
        cells[c++] = solution.status(i).name();
        cells[c++] = RowFactory.create(boxed(solution.finalState(i)));
        if (withTimes) {
            int points = solution.evalCount(i);
            double[] t = new double[points];
            double[][] values = new double[stateCount][points];
            for (int k = 0; k < points; k++) {
                t[k] = solution.evalTime(i, k);
                for (int j = 0; j < stateCount; j++) {
                    values[j][k] = solution.value(i, k, j);
                }
            }
            cells[c++] = ArraySeq.unsafeWrapArray(t);
            Object[] columns = new Object[stateCount];
            for (int j = 0; j < stateCount; j++) {
                columns[j] = ArraySeq.unsafeWrapArray(values[j]);
            }
            cells[c++] = RowFactory.create(columns);
        }
        for (int o = 0; o < observeCount; o++) {
            cells[c++] = solution.observe(i, o);
        }
        Statistics s = solution.statistics(i);
        cells[c++] = s.fEvals();
        cells[c++] = s.steps();
        cells[c++] = s.accepted();
        cells[c++] = s.initialized();
        cells[c++] = s.rejected();
        cells[c++] = s.hLast();
        cells[c++] = s.hMin();
        cells[c++] = s.hMax();
        cells[c] = s.tStop();
        return RowFactory.create(cells);
    }

    private static Object[] boxed(double[] values) {
        Object[] out = new Object[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = values[j];
        }
        return out;
    }
}
