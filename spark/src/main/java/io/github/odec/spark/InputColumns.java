package io.github.odec.spark;

import io.github.odec.runtime.InputColumn;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the roles of the instances' columns from their schema, once, on the driver: a column named
 * after a state component gives that component's y0, one named after a parameter its value, and
 * {@code t0}, {@code t1}, {@code atol}, {@code rtol} the span and tolerances; names of the system win
 * over those four, as in {@code odec solve}'s CSV. Columns the caller keeps are copied to the results
 * (an input that is kept is still an input); any other column is a mistake (a misspelt parameter
 * would otherwise silently keep its default).
 */
final class InputColumns {

    private InputColumns() {}

    /** One role per column of {@code schema}, in its order. */
    static List<SourceColumn> of(StructType schema, SystemLayout layout, Set<String> kept) {
        List<SourceColumn> roles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (StructField field : schema.fields()) {
            String name = field.name();
            SourceColumn role = InputColumn.named(name, layout).<SourceColumn>map(SourceColumn.Input::new)
                    .orElse(kept.contains(name) ? new SourceColumn.Kept(name) : null);
            if (role == null) {
                problems.add("unknown column '" + name + "'");
            } else if (role instanceof SourceColumn.Input && !(field.dataType() instanceof NumericType)) {
                problems.add("column '" + name + "' is " + field.dataType().simpleString() + "; it must be numeric");
            }
            roles.add(role);
        }
        for (String name : kept) {
            if (!List.of(schema.fieldNames()).contains(name)) {
                problems.add("kept column '" + name + "' is not in the instances");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + "; system '" + layout.systemName()
                    + "' takes: " + String.join(", ", allowed(layout)) + " (keep other columns with keeping(...))");
        }
        return roles;
    }

    /** The positions of the kept columns in {@code schema}, in its order. */
    static int[] keptPositions(StructType schema, Set<String> kept) {
        String[] names = schema.fieldNames();
        return IntStream.range(0, names.length).filter(c -> kept.contains(names[c])).toArray();
    }

    static List<String> allowed(SystemLayout layout) {
        List<String> allowed = new ArrayList<>(layout.stateNames());
        allowed.addAll(layout.paramNames());
        for (String control : List.of("t0", "t1", "atol", "rtol")) {
            if (!allowed.contains(control)) {
                allowed.add(control);
            }
        }
        return allowed;
    }
}
