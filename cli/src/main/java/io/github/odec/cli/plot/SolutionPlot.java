package io.github.odec.cli.plot;

import io.github.odec.runtime.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The figure {@code odec solve --plot} writes: each state over t for a few instances, and for a
 * system of two states also the phase portrait (one state against the other).
 */
public final class SolutionPlot {

    /** Instances drawn when the user names none; more lines than this are hard to tell apart. */
    public static final int DEFAULT_INSTANCES = 5;

    /** Instances one plot can tell apart: one colour each. */
    public static final int MAX_INSTANCES = SvgRenderer.PALETTE.size();

    /** Panels of states over t at most; a 40-state system would otherwise make a poster. */
    public static final int MAX_STATE_PANELS = 12;

    private SolutionPlot() {}

    /** Up to {@link #DEFAULT_INSTANCES} instances spread evenly over the batch, first and last included. */
    public static List<Integer> defaultInstances(int batchSize) {
        int count = Math.min(DEFAULT_INSTANCES, batchSize);
        if (count == 1) {
            return List.of(0);
        }
        return IntStream.range(0, count).map(k -> (int) ((long) k * (batchSize - 1) / (count - 1))).boxed().toList();
    }

    /**
     * The SVG document for these instances of a solution that has evaluation times.
     *
     * @throws IllegalArgumentException when the solution has no evaluation times or an instance is out of range
     */
    public static String svg(Solution solution, String title, List<Integer> instances) {
        if (solution.evalCount() == 0) {
            throw new IllegalArgumentException("a plot needs evaluation times");
        }
        for (int i : instances) {
            if (i < 0 || i >= solution.instances()) {
                throw new IllegalArgumentException("instance " + i + " is not in the batch [0, " + solution.instances() + ")");
            }
        }
        List<String> names = solution.layout().stateNames();
        List<Panel> panels = new ArrayList<>();
        for (int j = 0; j < Math.min(names.size(), MAX_STATE_PANELS); j++) {
            List<Panel.Series> series = new ArrayList<>();
            for (int c = 0; c < instances.size(); c++) {
                series.add(new Panel.Series(c, times(solution, instances.get(c)), values(solution, instances.get(c), j)));
            }
            panels.add(new Panel(names.get(j) + " over t", "t", names.get(j), series));
        }
        if (names.size() == 2) {
            List<Panel.Series> series = new ArrayList<>();
            for (int c = 0; c < instances.size(); c++) {
                int i = instances.get(c);
                series.add(new Panel.Series(c, values(solution, i, 0), values(solution, i, 1)));
            }
            panels.add(new Panel("phase portrait", names.get(0), names.get(1), series));
        }
        String heading = names.size() > MAX_STATE_PANELS
                ? title + " (first " + MAX_STATE_PANELS + " of " + names.size() + " states)" : title;
        List<String> legend = instances.stream().map(i -> "instance " + i).toList();
        return SvgRenderer.render(new Plot(heading, legend, panels));
    }

    private static double[] times(Solution s, int instance) {
        double[] t = new double[s.evalCount(instance)];
        for (int k = 0; k < t.length; k++) {
            t[k] = s.evalTime(instance, k);
        }
        return t;
    }

    private static double[] values(Solution s, int instance, int state) {
        double[] v = new double[s.evalCount(instance)];
        for (int k = 0; k < v.length; k++) {
            v[k] = s.value(instance, k, state);
        }
        return v;
    }
}
