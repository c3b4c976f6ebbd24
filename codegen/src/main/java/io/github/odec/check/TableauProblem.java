package io.github.odec.check;

/**
 * A numeric defect of a tableau, found in exact arithmetic. {@code part} and {@code row} tell the
 * checker where to put the caret (row is the stage index for {@code C} and {@code A}, else -1).
 */
public record TableauProblem(Part part, int row, String message) {

    public enum Part { ORDER, EMBEDDED, C, A, B, BHAT, INTERP }
}
