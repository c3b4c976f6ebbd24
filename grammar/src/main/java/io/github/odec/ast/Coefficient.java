package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.math.BigDecimal;

/**
 * An exact tableau coefficient {@code numerator / denominator} as written ({@code 1/2}, {@code -0.25},
 * {@code 3}: denominator 1). Kept as decimals so that nothing is rounded before the checker makes a
 * rational of it.
 */
public record Coefficient(BigDecimal numerator, BigDecimal denominator, Span span) {}
