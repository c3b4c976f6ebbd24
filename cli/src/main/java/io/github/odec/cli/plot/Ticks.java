package io.github.odec.cli.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis range widened to round numbers, with ticks at multiples of 1, 2 or 5 times a power of
 * ten (so 0, 0.5, 1, 1.5 rather than 0, 0.37, 0.74).
 *
 * @param low  the axis start, a multiple of step
 * @param high the axis end, a multiple of step
 * @param step the distance between ticks
 */
record Ticks(double low, double high, double step) {

    /** About this many intervals per axis: enough to read values, few enough for wide labels. */
    private static final int TARGET_INTERVALS = 5;

    /** Ticks covering [min, max]; an empty range is widened around its value. */
    static Ticks covering(double min, double max) {
        if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            return new Ticks(0, 1, 0.2); // nothing finite to show
        }
        if (max - min <= Math.ulp(Math.max(Math.abs(min), Math.abs(max))) * 16) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double rough = (max - min) / TARGET_INTERVALS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double normalized = rough / magnitude;
        double step = (normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10) * magnitude;
        return new Ticks(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
    }

    /** The tick values from low to high, computed from integers so they do not drift. */
    List<Double> values() {
        List<Double> values = new ArrayList<>();
        long first = Math.round(low / step);
        long last = Math.round(high / step);
        for (long k = first; k <= last; k++) {
            values.add(k * step);
        }
        return values;
    }

    /** A tick label with just the digits the step needs: 0.5 not 0.5000000001; 1e+06 style when huge or tiny. */
    String label(double value) {
        if (Math.abs(value) < step / 2) {
            return "0";
        }
        double largest = Math.max(Math.abs(low), Math.abs(high));
        if (largest >= 1e6 || largest < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.2g", value);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
