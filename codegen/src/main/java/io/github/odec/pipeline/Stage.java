package io.github.odec.pipeline;

/** The stages of the compiler, in the order data flows through them. */
public enum Stage {
    /** text → AST, syntax diagnostics. */
    PARSE,
    /** AST → checked model (names resolved, loops unrolled, tableaus checked), all errors of a file at once. */
    CHECK,
    /** checked model → facts about it (symbolic derivatives); nothing downstream consumes them yet. */
    ANALYSE,
    /** checked model + spec → the per-instance solver function in the IR. */
    LOWER,
    /** IR → IR. */
    OPTIMISE,
    /** IR (or model) → source text: Java, Java Vector API, CUDA C++, bindings. */
    PRINT,
    /** source text → something that runs: loaded classes, PTX, a host program. */
    BUILD
}
