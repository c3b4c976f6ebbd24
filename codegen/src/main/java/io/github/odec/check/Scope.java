package io.github.odec.check;

import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The names of one system: the system's own block and one block per loop iteration being unrolled.
 * Names are never shadowed: one name, one meaning, anywhere in a system.
 */
final class Scope {

    private final Deque<Map<String, Symbol>> blocks = new ArrayDeque<>();
    /** Lets declared anywhere in the system, to explain a use that comes before the declaration. */
    private final Map<String, Span> allLets;

    Scope(Map<String, Span> allLets) {
        this.allLets = Map.copyOf(allLets);
        blocks.push(new LinkedHashMap<>());
    }

    Optional<Symbol> lookup(String name) {
        for (Map<String, Symbol> block : blocks) {
            Symbol s = block.get(name);
            if (s != null) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Where a let of this name is declared, if one is (used when a lookup fails). */
    Optional<Span> laterLet(String name) {
        return Optional.ofNullable(allLets.get(name));
    }

    /** Declares a name in the innermost block, or reports the earlier declaration and returns false. */
    boolean declare(String name, Symbol symbol, Span at, Diagnostics diagnostics) {
        Optional<Symbol> earlier = lookup(name);
        if (earlier.isPresent()) {
            CheckError.DUPLICATE_DECLARATION.report(diagnostics, at, "'" + name + "' is already declared as "
                    + earlier.get().description() + " at line " + earlier.get().declared().line());
            return false;
        }
        blocks.peek().put(name, symbol);
        return true;
    }

    void enterBlock() {
        blocks.push(new LinkedHashMap<>());
    }

    void exitBlock() {
        blocks.pop();
    }

    /** The loop variables in force, outermost first, as {@code i=3,j=0}; empty outside loops. */
    String loopValues() {
        // Not the system's own block (the last): it holds no loop variable, and may hold thousands of lets.
        return blocks.reversed().stream().skip(1)
                .flatMap(b -> b.entrySet().stream())
                .filter(e -> e.getValue() instanceof Symbol.LoopVariable)
                .map(e -> e.getKey() + "=" + ((Symbol.LoopVariable) e.getValue()).value())
                .collect(Collectors.joining(","));
    }

    /** " when i = 3" for messages inside an unrolled loop, else empty. */
    String loopContext() {
        String values = loopValues();
        return values.isEmpty() ? "" : " when " + values.replace("=", " = ").replace(",", ", ");
    }
}
