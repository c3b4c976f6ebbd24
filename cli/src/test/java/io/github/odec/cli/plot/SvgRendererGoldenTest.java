package io.github.odec.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The renderer's whole output for a small fixed figure, kept in
 * {@code src/test/resources/plot/sine-cosine.svg} so a reader can open it and see what changed.
 * After a deliberate change of the drawing, regenerate it with {@code -Dodec.updateGolden=true}
 * and look at the picture before committing.
 */
class SvgRendererGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/plot/sine-cosine.svg");

    /** sin and cos on [0, 2 pi] at 25 points; cos has a gap (NaN) at points 10 and 11, as a failed instance would. */
    private static Plot figure() {
        int n = 25;
        double[] t = new double[n];
        double[] sin = new double[n];
        double[] cos = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = 2 * Math.PI * k / (n - 1);
            sin[k] = Math.sin(t[k]);
            cos[k] = k == 10 || k == 11 ? Double.NaN : Math.cos(t[k]);
        }
        Panel overTime = new Panel("u over t", "t", "u",
                List.of(new Panel.Series(0, t, sin), new Panel.Series(1, t, cos)));
        Panel phase = new Panel("phase portrait", "sin", "cos", List.of(new Panel.Series(0, sin, cos)));
        return new Plot("Golden <figure> & friends", List.of("sine", "cosine"), List.of(overTime, phase));
    }

    @Test
    void rendersTheGoldenFigure() throws IOException {
        String svg = SvgRenderer.render(figure());
        if (Boolean.getBoolean("odec.updateGolden")) {
            Files.writeString(GOLDEN, svg);
        }
        assertEquals(Files.readString(GOLDEN), svg);
    }
}
