package io.github.odec.check;

import io.github.odec.ast.BodyItem;
import io.github.odec.ast.Expression;
import io.github.odec.ast.Identifier;
import io.github.odec.ast.SystemDecl;
import io.github.odec.ast.SystemItem;
import io.github.odec.ast.SystemItem.ComponentKind;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import io.github.odec.model.Binding;
import io.github.odec.model.Component;
import io.github.odec.model.Event;
import io.github.odec.model.Expr;
import io.github.odec.model.Observe;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Checks one system in two passes. First the declarations (consts, states, params) in source order,
 * which fixes the flat layout; then the dynamics (lets, derivatives, loops unrolled) in source order.
 */
final class SystemChecker {

    /** The largest array, and the most statements and loop iterations a system may unroll to (so a typo cannot hang the compiler). */
    static final int MAX_ELEMENTS = 1_000_000;

    /**
     * The most nodes a system's right-hand side may unroll to ({@link UnrolledSize}), so that every
     * system that checks also compiles: a large system's right-hand side is one Java method, which the
     * JVM limits to 64 KiB of bytecode. Measured (RobustnessTest) at about 2.2 to 4.5 bytes per node
     * for systems of many components, references, numbers, calls, conditionals and powers.
     */
    static final int MAX_RHS_NODES = 16_000;

    private final Diagnostics diagnostics;
    private final Scope scope;
    private final ExpressionChecker expressions;
    /** Evaluates the bounds of loops not unrolled yet, reporting nothing: see {@link #lowerBound}. */
    private final ExpressionChecker silent;
    private final Map<Expression, Long> statementSizes = new IdentityHashMap<>();
    private final List<Component> states = new ArrayList<>();
    private final List<Component> params = new ArrayList<>();
    private final Map<Component, Span> stateDeclarations = new LinkedHashMap<>();
    private final Map<Component, Span> paramDeclarations = new LinkedHashMap<>();
    private final List<Binding> lets = new ArrayList<>();
    /** By flat state index; a derivative whose value had errors still has a span, so it is not "missing". */
    private final Map<Integer, Expr> derivatives = new HashMap<>();
    private final Map<Integer, Span> derivativeSpans = new HashMap<>();
    private int stateCount;
    private int paramCount;
    private long unrolled;
    private long rhsNodes;
    private boolean tooLarge;
    /** Set when part of the dynamics could not be unrolled: missing derivatives would then be noise. */
    private boolean incompleteDynamics;
    private final Set<Component> invalidStates = new HashSet<>();
    private final List<Observe> observes = new ArrayList<>();
    /** The names of observes and events, one namespace (both name results), in source order. */
    private final Map<String, ResultName> resultNames = new HashMap<>();
    private final List<Event> events = new ArrayList<>();

    private SystemChecker(SystemDecl decl, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        Map<String, Span> allLets = new LinkedHashMap<>();
        collectLets(decl.items(), allLets);
        this.scope = new Scope(allLets);
        this.expressions = new ExpressionChecker(scope, diagnostics);
        this.silent = new ExpressionChecker(scope, new Diagnostics());
    }

    /** The checked system, or empty when it had errors (all of them reported). */
    static Optional<OdeSystem> check(SystemDecl decl, Diagnostics diagnostics) {
        int before = diagnostics.errorCount();
        OdeSystem system = new SystemChecker(decl, diagnostics).run(decl);
        return diagnostics.errorCount() == before ? Optional.of(system) : Optional.empty();
    }

    private OdeSystem run(SystemDecl decl) {
        for (SystemItem item : decl.items()) {
            switch (item) {
                case SystemItem.ConstDecl c -> constant(c);
                case SystemItem.ComponentDecl c -> c.declarators().forEach(d -> component(c.kind(), d));
                case SystemItem.ObserveDecl o -> { } // third pass
                case SystemItem.EventDecl e -> { } // third pass
                case BodyItem b -> { } // second pass
            }
        }
        for (SystemItem item : decl.items()) {
            if (item instanceof BodyItem b) {
                body(b);
            }
        }
        // After the dynamics, so that an observe may read any let, wherever it is declared.
        for (SystemItem item : decl.items()) {
            switch (item) {
                case SystemItem.ObserveDecl o -> observe(o);
                case SystemItem.EventDecl e -> event(e);
                default -> { }
            }
        }
        reportMissingDerivatives();
        // Complete when there were no errors; otherwise the system is discarded by check().
        List<Expr> complete = IntStream.range(0, stateCount)
                .mapToObj(i -> derivatives.getOrDefault(i, new Expr.Num(Double.NaN))).toList();
        if (!diagnostics.hasErrors()) {  // on a broken file the uses are incomplete: a warning would be noise
            // An event's g and resets read parameters too (a restitution coefficient is read by a reset only).
            List<Expr> read = new ArrayList<>(complete);
            for (Event e : events) {
                read.add(e.g());
                if (e.action() instanceof Event.Action.Reset r) {
                    r.assignments().forEach(a -> read.add(a.value()));
                }
            }
            UnusedParameters.report(params, paramDeclarations, lets, read, diagnostics);
        }
        return new OdeSystem(decl.name().text(), states, params, lets, complete, observes, events);
    }

    private static void collectLets(List<? extends SystemItem> items, Map<String, Span> out) {
        for (SystemItem item : items) {
            switch (item) {
                case BodyItem.LetDecl l -> out.putIfAbsent(l.name().text(), l.name().span());
                case BodyItem.ForLoop f -> collectLets(f.body(), out);
                default -> { }
            }
        }
    }

    // ------------------------------------------------------------ declarations

    private void constant(SystemItem.ConstDecl c) {
        String what = "the value of const '" + c.name().text() + "'";
        OptionalDouble value = finite(c.value(), expressions.constant(c.value(), what), what);
        Symbol symbol = value.isPresent() ? new Symbol.Constant(value.getAsDouble(), c.name().span())
                : new Symbol.Invalid(c.name().span());
        scope.declare(c.name().text(), symbol, c.name().span(), diagnostics);
    }

    private void component(ComponentKind kind, SystemItem.Declarator d) {
        String name = d.name().text();
        OptionalInt size = d.size().isPresent() ? arraySize(name, d.size().get()) : OptionalInt.of(1);
        if (size.isEmpty()) {
            scope.declare(name, new Symbol.Invalid(d.name().span()), d.name().span(), diagnostics);
            return;
        }
        int length = size.getAsInt();
        Optional<List<Double>> defaults = d.initializer().map(init -> defaults(name, length, d.size().isPresent(), init))
                .orElse(Optional.of(List.of()));
        int offset = kind == ComponentKind.STATE ? stateCount : paramCount;
        Component component = new Component(name, offset, length, d.size().isPresent(), defaults.orElse(List.of()));
        Symbol symbol = defaults.isPresent() ? new Symbol.ComponentSymbol(kind, component, d.name().span())
                : new Symbol.Invalid(d.name().span());
        if (!scope.declare(name, symbol, d.name().span(), diagnostics)) {
            return;
        }
        if (kind == ComponentKind.STATE) {
            if (defaults.isEmpty()) {
                invalidStates.add(component);
            }
            states.add(component);
            stateDeclarations.put(component, d.name().span());
            stateCount += length;
        } else {
            params.add(component);
            paramDeclarations.put(component, d.name().span());
            paramCount += length;
        }
    }

    private OptionalInt arraySize(String name, Expression size) {
        OptionalInt n = expressions.integer(size, "the size of '" + name + "'");
        if (n.isPresent() && (n.getAsInt() < 1 || n.getAsInt() > MAX_ELEMENTS)) {
            CheckError.INVALID_SIZE.report(diagnostics, size.span(), "the size of '" + name + "' is " + n.getAsInt()
                    + "; it must be between 1 and " + MAX_ELEMENTS);
            return OptionalInt.empty();
        }
        return n;
    }

    /** One value per element: a single value is broadcast over an array; a list must match its length. */
    private Optional<List<Double>> defaults(String name, int length, boolean array, SystemItem.Initializer init) {
        List<Expression> values = switch (init) {
            case SystemItem.Initializer.Single s -> List.of(s.value());
            case SystemItem.Initializer.ListOf l -> l.values();
        };
        if (init instanceof SystemItem.Initializer.ListOf && values.size() != length) {
            CheckError.DEFAULT_LENGTH.report(diagnostics, init.span(), "'" + name + "' has " + length
                    + (array ? " elements" : " element (it is not an array)") + " but the list has " + values.size()
                    + " values; give one value per element, or a single value for all of them");
            return Optional.empty();
        }
        List<Double> out = new ArrayList<>();
        for (Expression v : values) {
            String what = "the default of '" + name + "'";
            OptionalDouble d = finite(v, expressions.constant(v, what), what);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            out.add(d.getAsDouble());
        }
        return Optional.of(out.size() == length ? out : Collections.nCopies(length, out.getFirst()));
    }

    /**
     * A compile-time value that overflowed or is undefined ({@code 1e308 * 10}, {@code 0 / 0}) would
     * only fail at solve time, as a non-finite state; so it is an error here, where it is written.
     */
    private OptionalDouble finite(Expression e, OptionalDouble value, String what) {
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            CheckError.NOT_FINITE.report(diagnostics, e.span(), what + " is " + ModelPrinter.number(value.getAsDouble())
                    + ", not a finite number");
            return OptionalDouble.empty();
        }
        return value;
    }

    // ------------------------------------------------------------ dynamics

    private void body(BodyItem item) {
        if (tooLarge) {
            return;
        }
        switch (item) {
            case BodyItem.LetDecl l -> let(l);
            case BodyItem.DerivativeDecl d -> derivative(d);
            case BodyItem.ForLoop f -> loop(f);
        }
    }

    /**
     * Adds unrolled statements and loop iterations ({@code steps}) and nodes of the right-hand side
     * ({@code nodes}, see {@link UnrolledSize}); false (reported once) past either limit.
     */
    private boolean charge(long steps, long nodes, Span at) {
        unrolled += steps;
        rhsNodes += nodes;
        if (unrolled > MAX_ELEMENTS) {
            reportTooLarge(at, unrolledTooLarge(""), "");
        } else if (rhsNodes > MAX_RHS_NODES) {
            reportTooLarge(at, nodesTooLarge(""), NODES_EXPLAINED);
        }
        return !tooLarge;
    }

    private static final String NODES_EXPLAINED = " (a statement, state, parameter or call counts two, a power x^n"
            + " three per product, any other node one); the CPU backend compiles it into one Java method, which is"
            + " limited to 64 KiB";

    private static String unrolledTooLarge(String detail) {
        return "the system unrolls to more than " + text(MAX_ELEMENTS) + " statements and loop iterations" + detail;
    }

    private static String nodesTooLarge(String detail) {
        return "the system's right-hand side unrolls to more than " + text(MAX_RHS_NODES) + " units of code" + detail;
    }

    private void reportTooLarge(Span at, String message, String explanation) {
        tooLarge = true;
        incompleteDynamics = true;
        CheckError.TOO_LARGE.report(diagnostics, at, message + scope.loopContext() + explanation);
    }

    private static String text(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** What unrolling some items adds at least, in both budgets; each capped just past its limit. */
    private record Cost(long steps, long nodes) {
        static final Cost NONE = new Cost(0, 0);

        Cost plus(Cost o) {
            return new Cost(Math.min(steps + o.steps, MAX_ELEMENTS + 1L), Math.min(nodes + o.nodes, MAX_RHS_NODES + 1L));
        }

        /** {@code trips} iterations of a body that costs {@code this}: the products cannot overflow, as both are capped. */
        Cost times(long trips) {
            return trips <= 0 ? NONE : new Cost(Math.min(trips * (1 + steps), MAX_ELEMENTS + 1L),
                    Math.min(trips * nodes, MAX_RHS_NODES + 1L));
        }
    }

    /**
     * The least that unrolling {@code items} adds, computed before unrolling them: a loop counts its
     * iterations times its body; a loop whose bounds depend on a variable not bound yet counts nothing.
     */
    private Cost lowerBound(List<BodyItem> items) {
        Cost c = Cost.NONE;
        for (BodyItem item : items) {
            c = c.plus(switch (item) {
                case BodyItem.LetDecl l -> new Cost(1, UnrolledSize.STATEMENT + statementSize(l.value()));
                case BodyItem.DerivativeDecl d -> new Cost(1, UnrolledSize.STATEMENT + statementSize(d.value()));
                case BodyItem.ForLoop f -> {
                    OptionalInt from = silent.integer(f.from(), "");
                    OptionalInt to = silent.integer(f.to(), "");
                    yield from.isEmpty() || to.isEmpty() ? Cost.NONE
                            : lowerBound(f.body()).times(to.getAsInt() - (long) from.getAsInt());
                }
            });
        }
        return c;
    }

    private static String bound(long atLeast, long limit) {
        return atLeast > limit ? "more than " + text(limit) : "at least " + text(atLeast);
    }

    private long statementSize(Expression value) {
        return statementSizes.computeIfAbsent(value, UnrolledSize::lowerBound);
    }

    private void let(BodyItem.LetDecl l) {
        String name = l.name().text();
        Optional<Expr> value = expressions.number(l.value(), "the value of let '" + name + "'");
        String loopValues = scope.loopValues();
        String flatName = loopValues.isEmpty() ? name : name + "[" + loopValues + "]";
        Symbol symbol = value.isPresent() ? new Symbol.Let(lets.size(), l.name().span()) : new Symbol.Invalid(l.name().span());
        if (scope.declare(name, symbol, l.name().span(), diagnostics) && value.isPresent()
                && charge(1, UnrolledSize.STATEMENT + UnrolledSize.of(value.get()), l.span())) {
            lets.add(new Binding(flatName, value.get()));
        }
    }

    private void derivative(BodyItem.DerivativeDecl d) {
        OptionalInt flat = target(d.target(), d.index(), CheckError.DERIVATIVE_OF_NON_STATE, "only states have derivatives");
        Optional<Expr> value = expressions.number(d.value(), "the derivative of '" + d.target().text() + "'");
        if (flat.isEmpty()) {
            return;
        }
        int i = flat.getAsInt();
        if (derivativeSpans.containsKey(i)) {
            CheckError.DUPLICATE_DERIVATIVE.report(diagnostics, d.target().span(), "second derivative of "
                    + stateName(i) + scope.loopContext() + "; the first is at line " + derivativeSpans.get(i).line());
            return;
        }
        if (value.isPresent() && charge(1, UnrolledSize.STATEMENT + UnrolledSize.of(value.get()), d.span())) {
            derivatives.put(i, value.get());
        }
        derivativeSpans.put(i, d.span());
    }

    /** The flat state index a derivative defines or a reset assigns; a non-state is reported as {@code nonState}. */
    private OptionalInt target(Identifier name, Optional<Expression> index, CheckError nonState, String why) {
        Optional<Symbol> symbol = expressions.resolve(name);
        if (symbol.isEmpty()) {
            index.ifPresent(expressions::checkRoot);
            return OptionalInt.empty();
        }
        return switch (symbol.get()) {
            case Symbol.Invalid bad -> OptionalInt.empty();
            case Symbol.ComponentSymbol c when c.kind() == ComponentKind.STATE -> {
                Component component = c.component();
                if (component.array() != index.isPresent()) {
                    CheckError.INDEX_MISMATCH.report(diagnostics, name.span(), component.array()
                            ? "'" + name.text() + "' is " + c.description() + "; write " + name.text() + "[i]' = ... for each element"
                            : "'" + name.text() + "' is " + c.description() + " and cannot be indexed");
                    yield OptionalInt.empty();
                }
                if (index.isEmpty()) {
                    yield OptionalInt.of(component.offset());
                }
                OptionalInt element = expressions.element(component, index.get());
                incompleteDynamics |= element.isEmpty();
                yield element.isEmpty() ? element : OptionalInt.of(component.offset() + element.getAsInt());
            }
            case Symbol s -> {
                nonState.report(diagnostics, name.span(), "'" + name.text() + "' is " + s.description() + ", not a state; " + why);
                yield OptionalInt.empty();
            }
        };
    }

    private void loop(BodyItem.ForLoop f) {
        OptionalInt from = expressions.integer(f.from(), "the start of the range");
        OptionalInt to = expressions.integer(f.to(), "the end of the range");
        if (from.isEmpty() || to.isEmpty()) {
            incompleteDynamics = true;
            return;
        }
        // Before unrolling anything, so that an oversized loop is rejected at once.
        Cost atLeast = lowerBound(f.body()).times(to.getAsInt() - (long) from.getAsInt());
        if (unrolled + atLeast.steps() > MAX_ELEMENTS) {
            reportTooLarge(f.span(), unrolledTooLarge(" (this loop adds " + bound(atLeast.steps(), MAX_ELEMENTS) + ")"), "");
            return;
        }
        if (rhsNodes + atLeast.nodes() > MAX_RHS_NODES) {
            reportTooLarge(f.span(), nodesTooLarge(" (this loop adds " + bound(atLeast.nodes(), MAX_RHS_NODES) + ")"),
                    NODES_EXPLAINED);
            return;
        }
        for (int v = from.getAsInt(); v < to.getAsInt() && charge(1, 0, f.span()); v++) {
            scope.enterBlock();
            if (scope.declare(f.variable().text(), new Symbol.LoopVariable(v, f.variable().span()), f.variable().span(), diagnostics)) {
                f.body().forEach(this::body);
            }
            scope.exitBlock();
        }
    }

    // ------------------------------------------------------------ observes

    /**
     * An observe's name is a result column beside the states: it may not repeat any name of the
     * system (state, parameter, const, let) nor another observe's.
     */
    private void observe(SystemItem.ObserveDecl o) {
        String name = o.name().text();
        Optional<Observe.Reduction> reduction = Reductions.byKeyword(o.reduction().text());
        if (reduction.isEmpty()) {
            String word = o.reduction().text();
            CheckError.UNKNOWN_REDUCTION.report(diagnostics, o.reduction().span(), "unknown reduction '" + word + "'; "
                    + Spelling.closest(word, Reductions.KEYWORDS).map(s -> "did you mean '" + s + "'?")
                            .orElse("the reductions are " + String.join(", ", Reductions.KEYWORDS)));
        }
        Optional<Expr> argument = expressions.number(o.argument(),
                "the argument of " + o.reduction().text() + " in observe '" + name + "'");
        Optional<Symbol> earlier = scope.lookup(name);
        if (earlier.isPresent()) {
            CheckError.DUPLICATE_DECLARATION.report(diagnostics, o.name().span(), "'" + name + "' is already declared as "
                    + earlier.get().description() + " at line " + earlier.get().declared().line());
            return;
        }
        if (!newResultName(o.name(), "an observe")) {
            return;
        }
        if (reduction.isPresent() && argument.isPresent()) {
            observes.add(new Observe(name, reduction.get(), argument.get()));
        }
    }

    private record ResultName(String what, Span declared) {}

    /** Claims an observe's or event's name; false (reported) when an earlier observe or event has it. */
    private boolean newResultName(Identifier name, String what) {
        ResultName first = resultNames.putIfAbsent(name.text(), new ResultName(what, name.span()));
        if (first != null) {
            CheckError.DUPLICATE_DECLARATION.report(diagnostics, name.span(), "'" + name.text() + "' is already declared as "
                    + first.what() + " at line " + first.declared().line());
        }
        return first == null;
    }

    // ------------------------------------------------------------ events

    private void event(SystemItem.EventDecl e) {
        String name = e.name().text();
        String what = "event '" + name + "'";
        Optional<Expr> lhs = expressions.number(e.lhs(), "the left side of 'crosses' in " + what);
        Optional<Expr> rhs = expressions.number(e.rhs(), "the right side of 'crosses' in " + what);
        Optional<Event.Action> action = action(e, what);
        Optional<Symbol> earlier = scope.lookup(name);
        if (earlier.isPresent()) {
            CheckError.DUPLICATE_DECLARATION.report(diagnostics, e.name().span(), "'" + name + "' is already declared as "
                    + earlier.get().description() + " at line " + earlier.get().declared().line());
            return;
        }
        if (!newResultName(e.name(), "an event")) {
            return;
        }
        if (lhs.isPresent() && rhs.isPresent() && action.isPresent()) {
            Expr g = new Expr.Binary(Expr.BinaryOp.SUB, lhs.get(), rhs.get(), Origin.of(e.span()));
            Event.Crossing crossing = e.direction().map(d -> switch (d) {
                case RISING -> Event.Crossing.RISING;
                case FALLING -> Event.Crossing.FALLING;
            }).orElse(Event.Crossing.EITHER);
            events.add(new Event(name, g, crossing, action.get()));
        }
    }

    /** The one action of an event (none: recorded only); a second one is an error at its position. */
    private Optional<Event.Action> action(SystemItem.EventDecl e, String what) {
        List<SystemItem.EventAction> actions = e.actions();
        for (int i = 1; i < actions.size(); i++) {
            CheckError.EVENT_ACTIONS.report(diagnostics, actions.get(i).span(), what + " has a second action; an event "
                    + "either resets states { ... } or terminates, not both, and at most once");
        }
        if (actions.isEmpty()) {
            return Optional.of(new Event.Action.Record());
        }
        return switch (actions.getFirst()) {
            case SystemItem.EventAction.Terminate t -> Optional.of(new Event.Action.Terminate());
            case SystemItem.EventAction.Reset r -> reset(r, what);
        };
    }

    private Optional<Event.Action> reset(SystemItem.EventAction.Reset r, String what) {
        List<Event.Assignment> assignments = new ArrayList<>();
        Map<Integer, Span> assigned = new HashMap<>();
        boolean ok = true;
        for (SystemItem.ResetAssignment a : r.assignments()) {
            OptionalInt flat = target(a.target(), a.index(), CheckError.RESET_OF_NON_STATE, "only states can be reset");
            Optional<Expr> value = expressions.number(a.value(), "the new value of '" + a.target().text() + "' in " + what);
            if (flat.isEmpty() || value.isEmpty()) {
                ok = false;
                continue;
            }
            Span first = assigned.putIfAbsent(flat.getAsInt(), a.span());
            if (first != null) {
                CheckError.DUPLICATE_RESET.report(diagnostics, a.target().span(), stateName(flat.getAsInt())
                        + " is assigned twice in " + what + "; the first is at " + first.line() + ":" + first.column());
                ok = false;
                continue;
            }
            assignments.add(new Event.Assignment(flat.getAsInt(), value.get()));
        }
        return ok ? Optional.of(new Event.Action.Reset(assignments)) : Optional.empty();
    }

    private void reportMissingDerivatives() {
        if (incompleteDynamics) {
            return;
        }
        for (Component c : states) {
            if (invalidStates.contains(c)) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (int e = 0; e < c.length(); e++) {
                if (!derivativeSpans.containsKey(c.offset() + e)) {
                    missing.add(c.elementName(e));
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String message = !c.array()
                    ? "state '" + c.name() + "' has no derivative; add " + c.name() + "' = ...;"
                    : "state '" + c.name() + "' has no derivative for " + listed(missing) + " (" + missing.size() + " of "
                            + c.length() + " elements)";
            CheckError.MISSING_DERIVATIVE.report(diagnostics, stateDeclarations.get(c), message);
        }
    }

    private static String listed(List<String> names) {
        int shown = Math.min(names.size(), 5);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? ", ..." : "");
    }

    private String stateName(int flat) {
        for (Component c : states) {
            if (flat < c.offset() + c.length()) {
                return "'" + c.elementName(flat - c.offset()) + "'";
            }
        }
        throw new IllegalStateException("no state at " + flat);
    }
}
