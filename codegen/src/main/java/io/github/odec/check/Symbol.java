package io.github.odec.check;

import io.github.odec.ast.SystemItem.ComponentKind;
import io.github.odec.diag.Span;
import io.github.odec.model.Component;

/** What a name in a system stands for. */
sealed interface Symbol {

    Span declared();

    /** "a state", "a constant", ... for messages. */
    String description();

    record Constant(double value, Span declared) implements Symbol {
        public String description() {
            return "a constant";
        }
    }

    record ComponentSymbol(ComponentKind kind, Component component, Span declared) implements Symbol {
        public String description() {
            String noun = kind == ComponentKind.STATE ? "state" : "parameter";
            return component.array() ? "an array of " + component.length() + " " + noun + "s" : "a " + noun;
        }
    }

    record Let(int index, Span declared) implements Symbol {
        public String description() {
            return "a let";
        }
    }

    record LoopVariable(int value, Span declared) implements Symbol {
        public String description() {
            return "a loop variable";
        }
    }

    /** A declaration that had errors: uses of it stay silent instead of cascading. */
    record Invalid(Span declared) implements Symbol {
        public String description() {
            return "an invalid declaration";
        }
    }
}
