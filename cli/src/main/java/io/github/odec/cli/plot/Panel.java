package io.github.odec.cli.plot;

import java.util.List;

/**
 * One chart: lines on shared axes.
 *
 * @param title  shown above the chart
 * @param xLabel the horizontal axis' name
 * @param yLabel the vertical axis' name
 * @param series the lines, drawn in order
 */
record Panel(String title, String xLabel, String yLabel, List<Series> series) {

    /**
     * One line. Points with a non-finite coordinate (where an instance never got to) break it.
     *
     * @param colour index into the plot's legend, which gives the colour and the name
     */
    record Series(int colour, double[] x, double[] y) {}
}
