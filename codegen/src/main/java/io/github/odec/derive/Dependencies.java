package io.github.odec.derive;

import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which of the variables each right-hand side depends on (through its lets), as sorted column
 * indices. Differentiation visits only these entries, so its work follows the Jacobian's nonzeros
 * rather than states × columns, and every other entry is a structural zero.
 */
final class Dependencies {

    private final int[] stateColumn;
    private final int[] paramColumn;
    private final int timeColumn;
    private final int[][] ofLet;

    private Dependencies(OdeSystem system, List<Variable> variables) {
        stateColumn = new int[system.stateCount()];
        paramColumn = new int[system.paramCount()];
        Arrays.fill(stateColumn, -1);
        Arrays.fill(paramColumn, -1);
        int time = -1;
        for (int j = 0; j < variables.size(); j++) {
            switch (variables.get(j)) {
                case Variable.State s -> stateColumn[s.index()] = j;
                case Variable.Param p -> paramColumn[p.index()] = j;
                case Variable.Time t -> time = j;
            }
        }
        timeColumn = time;
        ofLet = new int[system.lets().size()][];
    }

    /** The columns each of the system's right-hand sides depends on. */
    static int[][] ofRows(OdeSystem system, List<Variable> variables) {
        Dependencies d = new Dependencies(system, variables);
        for (int k = 0; k < d.ofLet.length; k++) {
            d.ofLet[k] = d.of(system.lets().get(k).value());
        }
        return system.derivatives().stream().map(d::of).toArray(int[][]::new);
    }

    private int[] of(Expr e) {
        IntStream.Builder columns = IntStream.builder();
        collect(e, columns);
        return columns.build().sorted().distinct().toArray();
    }

    private void collect(Expr e, IntStream.Builder columns) {
        switch (e) {
            case Expr.Num n -> { }
            case Expr.StateRef s -> add(stateColumn[s.index()], columns);
            case Expr.ParamRef p -> add(paramColumn[p.index()], columns);
            case Expr.Time t -> add(timeColumn, columns);
            case Expr.LetRef l -> Arrays.stream(ofLet[l.index()]).forEach(columns);
            case Expr.Unary u -> collect(u.operand(), columns);
            case Expr.Binary b -> {
                collect(b.left(), columns);
                collect(b.right(), columns);
            }
            case Expr.Call c -> c.args().forEach(a -> collect(a, columns));
            // the condition too: a branch's derivative is taken only where the row depends on the variable
            case Expr.Conditional c -> {
                collect(c.condition(), columns);
                collect(c.then(), columns);
                collect(c.otherwise(), columns);
            }
        }
    }

    private static void add(int column, IntStream.Builder columns) {
        if (column >= 0) {
            columns.add(column);
        }
    }
}
