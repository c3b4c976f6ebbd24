package io.github.odec.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.spi.Slot;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Columns to batch: states, parameters, span and tolerances per row; everything else is an error. */
class BatchColumnsTest {

    private static InputTable table(String text) throws IOException {
        return InputTable.read("in.csv", new StringReader(text));
    }

    @Test
    void columnsSetPerInstanceValuesAndTheRestKeepsItsValue() throws IOException {
        InputTable table = table("u[1],k,t1,rtol,y\n3,0.5,2,1e-6,10\n4,1.5,1,1e-5,20\n");
        Batch batch = new Batch(ExactDecay.LAYOUT, table.rowCount()).span(0, 9).atol(1e-9);
        BatchColumns.fill(table, batch);
        ExactDecay factory = new ExactDecay();
        Solution s = Solver.cpu().solve(factory, batch, SolverOptions.defaults());
        // y from the column, u[0] from the layout default (2), u[1] from the column; t0 from the shared span.
        assertEquals(20 * Math.exp(-1.5 * 1.0), s.finalValue(1, "y"));
        assertEquals(2 * Math.exp(-0.5 * 2.0), s.finalValue(0, "u[0]"));
        assertEquals(4 * Math.exp(-1.5 * 1.0), s.finalValue(1, "u[1]"));
        assertEquals(2.0, s.finalTime(0));
        assertEquals(1e-6, factory.lastBuffers.reals(Slot.RTOL)[0]);
        assertEquals(1e-9, factory.lastBuffers.reals(Slot.ATOL)[1]);
        assertEquals(0.0, factory.lastBuffers.reals(Slot.T0)[1]);
    }

    @Test
    void unknownColumnsAreNamedWithTheAllowedOnes() throws IOException {
        InputTable table = table("y,mu,v\n1,2,3\n");
        CsvInputException e = assertThrows(CsvInputException.class,
                () -> BatchColumns.fill(table, new Batch(ExactDecay.LAYOUT, 1)));
        assertEquals("in.csv: unknown columns 'mu', 'v'; system 'decay' allows: y, u[0], u[1], k, scale, t0, t1, atol, rtol",
                e.getMessage());
    }

    @Test
    void badValuesNameLineAndColumn() throws IOException {
        InputTable table = table("y,k,atol\n1,2,1e-6\n\n1,-inf,0\n");
        CsvInputException e = assertThrows(CsvInputException.class,
                () -> BatchColumns.fill(table, new Batch(ExactDecay.LAYOUT, 2)));
        assertEquals("in.csv:4: column 'k' is -Infinity; it must be finite\n"
                + "in.csv:4: column 'atol' is 0.0; it must be finite and > 0", e.getMessage());
    }

    /**
     * A missing cell is a column left out for that row: the command line's value (t1 here, and the
     * shared k), else the file's default (u[0] = 2); a state or parameter with neither is an error.
     */
    @Test
    void missingCellsFallBackToTheSharedValueThenTheDefault() throws IOException {
        InputTable table = table(",y,u[0],u[1],k,t1\n0,10,nan,3,NA,\n1,,5,4,1.5,2\n");
        Batch batch = new Batch(ExactDecay.LAYOUT, 2).span(0, 4).param("k", 0.5);
        BatchColumns.fill(table, batch, Set.of("k"));
        Solution s = Solver.cpu().solve(new ExactDecay(), batch, SolverOptions.defaults());
        assertEquals(10 * Math.exp(-0.5 * 4.0), s.finalValue(0, "y"), "k from --param, t1 from --t1");
        assertEquals(2 * Math.exp(-0.5 * 4.0), s.finalValue(0, "u[0]"), "u[0] from the default");
        assertEquals(1 * Math.exp(-1.5 * 2.0), s.finalValue(1, "y"), "y from the default, k and t1 from the row");
        assertEquals(2.0, s.finalTime(1));

        InputTable noFallback = table("y,u[1],k\n1,,2\n1,3,NaN\n");
        CsvInputException e = assertThrows(CsvInputException.class,
                () -> BatchColumns.fill(noFallback, new Batch(ExactDecay.LAYOUT, 2)));
        assertEquals("in.csv:2: column 'u[1]' is empty, and state 'u[1]' has no initial value in the .ode file; "
                + "give a number in this cell\n"
                + "in.csv:3: column 'k' is empty, and parameter 'k' has no default in the .ode file; give a number "
                + "in this cell, or --param k=VALUE for the empty cells", e.getMessage());
    }

    @Test
    void aFirstColumnOfRowNumbersIsRecognisedAsRowLabels() throws IOException {
        for (String header : List.of("index", "Unnamed: 0")) {
            InputTable table = table(header + ",y\n0,1\n1,2\n");
            CsvInputException e = assertThrows(CsvInputException.class,
                    () -> BatchColumns.fill(table, new Batch(ExactDecay.LAYOUT, 2)));
            assertEquals("in.csv: unknown column '" + header + "'; system 'decay' allows: y, u[0], u[1], k, scale, t0, "
                    + "t1, atol, rtol; the first column '" + header + "' looks like row labels: odec numbers instances "
                    + "by row, so leave it out (pandas: to_csv(index=False)) or leave its header cell empty",
                    e.getMessage());
        }
    }

    @Test
    void rowCountMustMatchTheBatch() throws IOException {
        InputTable table = table("y\n1\n2\n");
        CsvInputException e = assertThrows(CsvInputException.class,
                () -> BatchColumns.fill(table, new Batch(ExactDecay.LAYOUT, 3)));
        assertTrue(e.getMessage().contains("2 rows, but the batch has 3 instances"), e.getMessage());
    }

    @Test
    void whatNoColumnGivesIsStillCheckedByTheBatch() throws IOException {
        InputTable table = table("y,t0,t1\n1,0,1\n");
        Batch batch = new Batch(ExactDecay.LAYOUT, 1);
        BatchColumns.fill(table, batch);
        InvalidInputException e = assertThrows(InvalidInputException.class, batch::validate);
        assertEquals("2 invalid inputs:\n  y0 'u[1]' has no value and the system gives no default"
                + "\n  param 'k' has no value and the system gives no default", e.getMessage());
    }
}
