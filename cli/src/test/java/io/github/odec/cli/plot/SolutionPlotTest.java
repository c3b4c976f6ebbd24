package io.github.odec.cli.plot;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.cli.CliRun;
import io.github.odec.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code odec solve --plot}: a well-formed SVG with the expected panels, lines and labels. */
class SolutionPlotTest {

    @TempDir
    Path dir;

    private Path oscillator() throws IOException {
        return Files.writeString(dir.resolve("osc.ode"), """
                system Oscillator {
                    state x = 1.0, v = 0.0;
                    param w = 2.0;
                    x' = v;
                    v' = -w * w * x;
                }
                """);
    }

    private static Document parse(Path svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(svg.toFile());
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < nodes.getLength(); n++) {
            texts.add(nodes.item(n).getTextContent());
        }
        return texts;
    }

    private static List<Element> series(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        List<Element> paths = new ArrayList<>();
        for (int n = 0; n < nodes.getLength(); n++) {
            paths.add((Element) nodes.item(n));
        }
        return paths;
    }

    @Test
    void twoStatesGiveTwoTimePanelsAndAPhasePortraitForTheChosenInstances() throws Exception {
        Path svg = dir.resolve("osc.svg");
        CliRun run = odec("solve", oscillator().toString(), "--batch", "6", "--eval", "50", "--out",
                dir.resolve("osc.csv").toString(), "--plot", svg.toString(), "--plot-instances", "0,2,5");
        assertEquals(ExitCode.OK, run.exitCode(), run.transcript());
        Document doc = parse(svg);
        List<String> texts = texts(doc);
        for (String label : List.of("Oscillator: dopri5, 6 instances", "x over t", "v over t", "phase portrait",
                "instance 0", "instance 2", "instance 5", "t")) {
            assertTrue(texts.contains(label), label + " in " + texts);
        }
        assertFalse(texts.contains("instance 1"));
        // 3 instances x (2 states over t + 1 phase portrait), each a line of 50 points (1 move, 49 lines).
        List<Element> paths = series(doc);
        assertEquals(9, paths.size());
        for (Element path : paths) {
            String d = path.getAttribute("d");
            assertEquals(1, d.chars().filter(c -> c == 'M').count(), d);
            assertEquals(49, d.chars().filter(c -> c == 'L').count(), d);
        }
        assertEquals(List.of("instance 0", "instance 2", "instance 5"),
                paths.subList(0, 3).stream().map(p -> p.getAttribute("data-name")).toList());
    }

    @Test
    void defaultInstancesSpreadOverTheBatch() {
        assertEquals(List.of(0), SolutionPlot.defaultInstances(1));
        assertEquals(List.of(0, 1, 2), SolutionPlot.defaultInstances(3));
        assertEquals(List.of(0, 249, 499, 749, 999), SolutionPlot.defaultInstances(1000));
    }

    @Test
    void plotWithoutEvalOrWithABadInstanceIsAUserErrorAndWritesNothing() throws IOException {
        Path svg = dir.resolve("never.svg");
        CliRun noEval = odec("solve", oscillator().toString(), "--batch", "2", "--plot", svg.toString());
        assertEquals(ExitCode.USER_ERROR, noEval.exitCode());
        assertTrue(noEval.err().startsWith("odec: --plot needs --eval K"), noEval.err());

        CliRun outside = odec("solve", oscillator().toString(), "--batch", "2", "--eval", "5", "--plot",
                svg.toString(), "--plot-instances", "0,2");
        assertEquals(ExitCode.USER_ERROR, outside.exitCode());
        assertEquals("odec: --plot-instances: instance 2 is not in the batch (0 to 1)\n", outside.err());
        assertEquals("", outside.out(), "refused before solving");
        assertFalse(Files.exists(svg));
    }

    @Test
    void unreachedPointsBreakTheLineInsteadOfDrawingNaN() throws Exception {
        Path blowUp = Files.writeString(dir.resolve("blowup.ode"), "system B {\n state y = 1.0;\n y' = y^2;\n}\n");
        Path svg = dir.resolve("b.svg");
        CliRun run = odec("solve", blowUp.toString(), "--batch", "1", "--t1", "2", "--eval", "21",
                "--plot", svg.toString(), "--out", dir.resolve("b.csv").toString());
        assertEquals(ExitCode.FAILED_INSTANCES, run.exitCode(), run.transcript());
        String d = series(parse(svg)).getFirst().getAttribute("d");
        assertFalse(d.contains("NaN") || d.contains("Infinity"), d);
        // Reached: t = 0, 0.1, ..., 0.9 (the blow-up is at t = 1), so 10 points.
        assertEquals(9, d.chars().filter(c -> c == 'L').count(), d);
    }
}
