package io.github.odec.cli;

import io.github.odec.check.Frontend;
import io.github.odec.cli.results.ResultFormat;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import java.util.Iterator;
import java.util.List;

/**
 * The values odec's options take, as picocli {@code completionCandidates}: the completion script offers
 * them after {@code --method}, {@code --controller}, {@code --precision} and {@code --backend}. Each list
 * is read from where the values are defined, so a new tableau or controller is offered without an edit here.
 */
final class OptionValues {

    private OptionValues() {}

    /** The standard library's tableaus (a file's own tableaus are valid too, but completion cannot read the file). */
    static final class Methods implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Frontend.standardTableaus().stream().map(Tableau::name).iterator();
        }
    }

    static final class Controllers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumChoice.names(StepControllerKind.class).iterator();
        }
    }

    static final class Precisions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumChoice.names(Precision.class).iterator();
        }
    }

    /** {@code odec solve --backend}: the names {@link SolveCommand} accepts. */
    static final class Backends implements Iterable<String> {
        static final List<String> NAMES = List.of("cpu", "cuda", "cuda-host", "auto");

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    /** {@code odec solve --format}. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumChoice.names(ResultFormat.class).iterator();
        }
    }
}
