package io.github.odec.ir;

import java.util.List;

/**
 * One evaluation of a system's right-hand side as a function of its own:
 * {@code derivative[j] = f_j(time, state, params)}. Its body reads its parameters and declares its own locals.
 */
public record DynamicsFunction(String name, Local time, LocalArray state, LocalArray params, LocalArray derivative,
                               List<Stmt> body) {

    public DynamicsFunction {
        body = List.copyOf(body);
    }
}
