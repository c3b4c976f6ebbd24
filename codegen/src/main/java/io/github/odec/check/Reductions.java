package io.github.odec.check;

import io.github.odec.model.Observe.Reduction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The reductions an observe may name, by the word users write. */
final class Reductions {

    static final List<String> KEYWORDS = Arrays.stream(Reduction.values()).map(Reduction::keyword).toList();

    private Reductions() {}

    static Optional<Reduction> byKeyword(String word) {
        return Arrays.stream(Reduction.values()).filter(r -> r.keyword().equals(word)).findFirst();
    }
}
