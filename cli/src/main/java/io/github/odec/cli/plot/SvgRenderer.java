package io.github.odec.cli.plot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Plot} as a self-contained SVG document: panels in a grid of up to two columns,
 * each with a frame, grid lines at nice ticks, tick labels and axis names, and the legend under
 * the title. Plain SVG 1.1 with inline attributes, so browsers, editors and rsvg all show it alike.
 */
final class SvgRenderer {

    static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
            "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22");

    private static final int PANEL_WIDTH = 480;
    private static final int PANEL_HEIGHT = 320;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 36;
    private static final int BOTTOM = 52;
    private static final int HEADER = 78;
    private static final String FONT = "font-family=\"Helvetica, Arial, sans-serif\"";

    private SvgRenderer() {}

    static String render(Plot plot) {
        int columns = plot.panels().size() > 1 ? 2 : 1;
        int rows = (plot.panels().size() + columns - 1) / columns;
        int width = columns * PANEL_WIDTH;
        int height = HEADER + rows * PANEL_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" ").append(FONT).append(">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, width / 2.0, 28, "middle", 18, "bold", plot.title());
        legend(svg, plot.legend(), width);
        for (int p = 0; p < plot.panels().size(); p++) {
            panel(svg, plot.panels().get(p), plot.legend(), (p % columns) * PANEL_WIDTH, HEADER + (p / columns) * PANEL_HEIGHT);
        }
        return svg.append("</svg>\n").toString();
    }

    /** Legend entries side by side, centred under the title; each as wide as its name needs. */
    private static void legend(StringBuilder svg, List<String> names, int width) {
        double[] widths = names.stream().mapToDouble(name -> 30 + 7.5 * name.length() + 24).toArray();
        double x = Math.max(8, (width - Arrays.stream(widths).sum()) / 2);
        svg.append("<g class=\"legend\">\n");
        for (int i = 0; i < names.size(); i++) {
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"54\" x2=\"%.1f\" y2=\"54\" stroke=\"%s\" stroke-width=\"3\"/>\n",
                    x, x + 24, colour(i)));
            text(svg, x + 30, 58, "start", 13, "normal", names.get(i));
            x += widths[i];
        }
        svg.append("</g>\n");
    }

    private static void panel(StringBuilder svg, Panel panel, List<String> legend, int left, int top) {
        double x0 = left + LEFT;
        double x1 = left + PANEL_WIDTH - RIGHT;
        double y0 = top + PANEL_HEIGHT - BOTTOM; // screen y grows downwards: the axis bottom
        double y1 = top + TOP;
        Ticks tx = ticks(panel, true);
        Ticks ty = ticks(panel, false);
        Scale sx = new Scale(tx.low(), tx.high(), x0, x1);
        Scale sy = new Scale(ty.low(), ty.high(), y0, y1);

        svg.append("<g class=\"panel\">\n");
        text(svg, (x0 + x1) / 2, top + 22, "middle", 14, "bold", panel.title());
        for (double v : tx.values()) {
            double x = sx.apply(v);
            line(svg, x, y0, x, y1, "#e5e5e5");
            line(svg, x, y0, x, y0 + 5, "#444444");
            text(svg, x, y0 + 19, "middle", 11, "normal", tx.label(v));
        }
        for (double v : ty.values()) {
            double y = sy.apply(v);
            line(svg, x0, y, x1, y, "#e5e5e5");
            line(svg, x0 - 5, y, x0, y, "#444444");
            text(svg, x0 - 8, y + 4, "end", 11, "normal", ty.label(v));
        }
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444444\"/>\n",
                x0, y1, x1 - x0, y0 - y1));
        text(svg, (x0 + x1) / 2, y0 + 40, "middle", 12, "normal", panel.xLabel());
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" "
                + "transform=\"rotate(-90 %.1f %.1f)\">%s</text>\n", left + 18.0, (y0 + y1) / 2, left + 18.0,
                (y0 + y1) / 2, escape(panel.yLabel())));
        for (Panel.Series s : panel.series()) {
            path(svg, s, sx, sy, legend.get(s.colour()));
        }
        svg.append("</g>\n");
    }

    /** The series as one path; a non-finite point lifts the pen. Values far off the axes are clamped. */
    private static void path(StringBuilder svg, Panel.Series s, Scale sx, Scale sy, String name) {
        StringBuilder d = new StringBuilder();
        boolean penDown = false;
        for (int k = 0; k < s.x().length; k++) {
            if (!Double.isFinite(s.x()[k]) || !Double.isFinite(s.y()[k])) {
                penDown = false;
                continue;
            }
            d.append(penDown ? " L" : (d.isEmpty() ? "M" : " M")).append(String.format(Locale.ROOT, "%.2f %.2f",
                    sx.clamped(s.x()[k]), sy.clamped(s.y()[k])));
            penDown = true;
        }
        if (d.isEmpty()) {
            return;
        }
        svg.append("<path class=\"series\" data-name=\"").append(escape(name)).append("\" d=\"").append(d)
                .append("\" fill=\"none\" stroke=\"").append(colour(s.colour()))
                .append("\" stroke-width=\"1.6\" stroke-linejoin=\"round\"/>\n");
    }

    private static Ticks ticks(Panel panel, boolean horizontal) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Panel.Series s : panel.series()) {
            double[] values = horizontal ? s.x() : s.y();
            double[] other = horizontal ? s.y() : s.x();
            for (int k = 0; k < values.length; k++) {
                if (Double.isFinite(values[k]) && Double.isFinite(other[k])) {
                    min = Math.min(min, values[k]);
                    max = Math.max(max, values[k]);
                }
            }
        }
        return Ticks.covering(min, max);
    }

    /** Maps data values onto screen coordinates. */
    private record Scale(double low, double high, double screenLow, double screenHigh) {
        double apply(double v) {
            return screenLow + (v - low) / (high - low) * (screenHigh - screenLow);
        }

        /** Inside the frame, give or take a margin, so a diverging line stays a short stroke off the edge. */
        double clamped(double v) {
            double margin = Math.abs(screenHigh - screenLow) * 0.02;
            double lo = Math.min(screenLow, screenHigh) - margin;
            double hi = Math.max(screenLow, screenHigh) + margin;
            return Math.max(lo, Math.min(hi, apply(v)));
        }
    }

    private static String colour(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String stroke) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", x1, y1, x2, y2, stroke));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String weight, String text) {
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\">%s</text>\n",
                x, y, anchor, size, weight, escape(text)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
