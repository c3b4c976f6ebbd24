package io.github.odec.derive;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.diag.SourceFile;
import io.github.odec.model.OdeSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Checked systems for the derivative tests: from source text and from samples/*.ode. */
final class Models {

    static final Path SAMPLES = Path.of("../samples");

    private Models() {}

    static OdeSystem system(String name, String source) {
        CheckResult result = Frontend.check(new SourceFile(name, source));
        if (!result.ok()) {
            throw new AssertionError("does not check:\n" + result.render());
        }
        return result.model().orElseThrow().systems().getFirst();
    }

    static List<Path> samples() {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".ode")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OdeSystem sample(String fileName) {
        try {
            return system(fileName, Files.readString(SAMPLES.resolve(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
