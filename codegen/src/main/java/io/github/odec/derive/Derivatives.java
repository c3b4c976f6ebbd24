package io.github.odec.derive;

import io.github.odec.model.Binding;
import io.github.odec.model.Expr;
import java.util.List;

/**
 * Derivatives of a system's right-hand side: {@code rows.get(i).get(j)} is the derivative of
 * {@code x_i'} with respect to {@code variables.get(j)}.
 *
 * @param lets the system's lets, at the same indices, followed by the derivatives of lets that the
 *     entries use (each refers only to earlier lets), so entries share the dynamics' intermediates
 */
public record Derivatives(List<Variable> variables, List<Binding> lets, List<List<Expr>> rows) {

    public Derivatives {
        variables = List.copyOf(variables);
        lets = List.copyOf(lets);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public Expr entry(int row, int column) {
        return rows.get(row).get(column);
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnCount() {
        return variables.size();
    }
}
