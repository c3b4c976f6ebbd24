package io.github.odec.spark;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.diag.SourceFile;
import io.github.odec.runtime.spi.SolverFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Van der Pol instances as rows: an id, x, y, mu (one null: the file's default 2.0), t1, rtol, and
 * one instance ({@link #FAILING}) that cannot finish in {@link #MAX_STEPS} steps.
 */
final class VanDerPolRows {

    static final String SOURCE = """
            system VanDerPol {
                state x = 2.0, y = 0.0;
                param mu = 2.0;
                let damping = mu * (1 - x^2);
                x' = y;
                y' = damping * y - x;
                observe xMax = max(x);
                observe tMax = argmax(x);
                observe energy = integral(x^2 + y^2);
            }
            """;
    static final int COUNT = 40;
    static final int NULL_MU = 5;
    static final int FAILING = 17;
    static final int MAX_STEPS = 3000;

    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.IntegerType, false),
            DataTypes.createStructField("x", DataTypes.DoubleType, false),
            DataTypes.createStructField("y", DataTypes.FloatType, false),
            DataTypes.createStructField("mu", DataTypes.DoubleType, true),
            DataTypes.createStructField("t1", DataTypes.DoubleType, false),
            DataTypes.createStructField("rtol", DataTypes.DoubleType, false)));

    private VanDerPolRows() {}

    static double x(int i) {
        return 0.5 + 0.05 * i;
    }

    /** A float column: the solver gets the float widened to double. */
    static float y(int i) {
        return -0.25f + 0.0625f * (i % 9);
    }

    static double mu(int i) {
        return 0.1 + 0.2 * i;
    }

    static double t1(int i) {
        return i == FAILING ? 1e5 : 5.0 + (i % 4);
    }

    static double rtol(int i) {
        return i % 2 == 0 ? 1e-6 : 1e-8;
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            rows.add(RowFactory.create(i, x(i), y(i), i == NULL_MU ? null : mu(i), t1(i), rtol(i)));
        }
        return rows;
    }

    /** The system as generated bindings would hand it out: a static factory, shipped as a method reference. */
    static SolverFactory factory() {
        CheckResult checked = Frontend.check(new SourceFile("vdp.ode", SOURCE));
        return new CompiledSystem(checked.model().orElseThrow(), "VanDerPol");
    }
}
