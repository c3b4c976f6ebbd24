package io.github.odec.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersTheFractionDoneAsABar() {
        assertEquals("[...............................]  0/1024 instances  0.0 s".replace("...............................",
                ".".repeat(30)), ProgressBar.render(0, 1024, 0.04));
        assertEquals("[" + "#".repeat(15) + ".".repeat(15) + "]  512/1024 instances  3.2 s",
                ProgressBar.render(512, 1024, 3.21));
        assertEquals("[" + "#".repeat(30) + "]  7/7 instances  12.0 s", ProgressBar.render(7, 7, 12));
        assertEquals("[" + ".".repeat(30) + "]  0/0 instances  0.5 s", ProgressBar.render(0, 0, 0.5));
    }

    @Test
    void keepsTheLargestCountWhenChunksReportOutOfOrder() {
        StringWriter err = new StringWriter();
        // A delay no test reaches: the painter never draws, so close() must leave stderr untouched.
        try (ProgressBar bar = ProgressBar.start(new PrintWriter(err), 1000, 3_600_000)) {
            assertEquals(ProgressBar.render(0, 1000, 1), bar.renderNow(1), "the total is known before any chunk");
            bar.instancesDone(300, 1000);
            bar.instancesDone(200, 1000);
            assertEquals(ProgressBar.render(300, 1000, 1), bar.renderNow(1));
        }
        assertEquals("", err.toString());
    }
}
