package io.github.odec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one-state decay system the CLI tests solve: y = exp(-k t) from y0 = 1, k = 0.5 by default. */
public final class DecaySample {

    public static final String SOURCE = """
            system Decay {
                state y = 1.0;
                param k = 0.5;
                y' = -k * y;
            }
            """;

    private DecaySample() {}

    /** Writes {@code decay.ode} into {@code dir}. */
    public static Path writeTo(Path dir) throws IOException {
        return Files.writeString(dir.resolve("decay.ode"), SOURCE);
    }
}
