package io.github.odec.model;

import io.github.odec.diag.Span;
import java.util.Optional;

/**
 * Where a checked expression came from in the source, so that later passes (differentiation) can
 * point at it. Metadata, not value: every origin equals every other, so an {@link Expr}'s equality
 * and hash (which CSE and folding rely on) ignore where it was written.
 *
 * @param span the source text, or null for a node synthesized by a pass or built by hand
 */
public record Origin(Span span) {

    public static final Origin SYNTHESIZED = new Origin(null);

    public static Origin of(Span span) {
        return new Origin(span);
    }

    public Optional<Span> location() {
        return Optional.ofNullable(span);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Origin;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return span == null ? "synthesized" : span.location();
    }
}
