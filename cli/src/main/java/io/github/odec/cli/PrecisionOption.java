package io.github.odec.cli;

import io.github.odec.runtime.Precision;
import picocli.CommandLine.Option;

/** The one floating-point type a solver computes in ({@code solve}, {@code compile}; {@code bench} takes a list). */
final class PrecisionOption {

    @Option(names = "--precision", paramLabel = "P", defaultValue = "f64",
            completionCandidates = OptionValues.Precisions.class, description = "f64 or f32 (default ${DEFAULT-VALUE}).")
    String precision;

    Precision value() {
        return EnumChoice.parse("--precision", precision, Precision.class);
    }
}
