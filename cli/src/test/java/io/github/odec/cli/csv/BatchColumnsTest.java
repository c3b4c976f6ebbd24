package io.github.odec.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import java.io.IOException;
import java.io.StringReader;
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
        assertEquals(1e-6, factory.lastBuffers.rtol[0]);
        assertEquals(1e-9, factory.lastBuffers.atol[1]);
        assertEquals(0.0, factory.lastBuffers.t0[1]);
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
        InputTable table = table("y,k,atol\n1,2,1e-6\n\n1,NaN,0\n");
        CsvInputException e = assertThrows(CsvInputException.class,
                () -> BatchColumns.fill(table, new Batch(ExactDecay.LAYOUT, 2)));
        assertTrue(e.getMessage().contains("in.csv:4: column 'k' is NaN; it must be finite"), e.getMessage());
        assertTrue(e.getMessage().contains("in.csv:4: column 'atol' is 0.0; it must be finite and > 0"), e.getMessage());
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
        assertTrue(e.getMessage().contains("y0 'u[1]' of instance 0 has no value"), e.getMessage());
        assertTrue(e.getMessage().contains("param 'k' of instance 0 has no value"), e.getMessage());
    }
}
