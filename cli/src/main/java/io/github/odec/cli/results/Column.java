package io.github.odec.cli.results;

/**
 * One column of a results table: its name and what it holds. Reals are f64, or f32 for an f32 solve
 * ({@link Table#f32()}): a float solver's values are written as the floats it computed.
 */
public record Column(String name, Kind kind) {

    public enum Kind {
        /** Instance numbers and counters. */
        INTEGER,
        /** Times, states and step sizes. */
        REAL,
        /** Status names. */
        TEXT
    }
}
