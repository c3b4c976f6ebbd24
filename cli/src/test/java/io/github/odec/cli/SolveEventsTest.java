package io.github.odec.cli;

import static io.github.odec.cli.CliRun.odec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A system with events checks, and solving it is a user error naming the events, never a solve without them. */
class SolveEventsTest {

    private static final String BALL = """
            system Ball {
                state h = 10, v = 0;
                param g = 9.81, e = 0.8;
                h' = v;
                v' = -g;
                event bounce when h crosses 0 falling { v = -e * v; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void checkPrintsTheEventsAndSolveRefusesThem() throws IOException {
        Path ball = dir.resolve("ball.ode");
        Files.writeString(ball, BALL);
        CliRun check = odec("check", "--print", ball.toString());
        assertEquals(ExitCode.OK, check.exitCode(), check.transcript());
        assertTrue(check.transcript().contains("event bounce: g = h - 0 falling, reset v = -e * v"), check.transcript());
        Path out = dir.resolve("ball.csv");
        CliRun solve = odec("solve", ball.toString(), "--batch", "2", "--t1", "5", "--out", out.toString());
        assertEquals(ExitCode.USER_ERROR, solve.exitCode(), solve.transcript());
        assertTrue(solve.transcript().contains("declares events (bounce)"), solve.transcript());
        assertTrue(Files.notExists(out) || Files.readAllLines(out).size() <= 1, "no rows solved without the events");
    }
}
