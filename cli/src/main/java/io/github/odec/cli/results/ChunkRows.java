package io.github.odec.cli.results;

/**
 * One chunk's rows of a {@link Table}, read cell by cell: the writers ask for the kind each column has.
 * A real of an f32 table is a float widened to double, exactly.
 */
public interface ChunkRows {

    int rows();

    long integer(int column, int row);

    double real(int column, int row);

    String text(int column, int row);
}
