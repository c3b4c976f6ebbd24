package io.github.odec.ir;

import io.github.odec.runtime.spi.Slot;

/** The types of IR values. REAL is the solver's precision: a printer maps it to double or float. */
public enum ScalarType {
    REAL, INT, BOOL;

    /** The IR type of a slot's elements: REAL slots load narrowed to the precision and store widened. */
    public static ScalarType of(Slot slot) {
        return switch (slot.element()) {
            case REAL -> REAL;
            case INT -> INT;
        };
    }
}
