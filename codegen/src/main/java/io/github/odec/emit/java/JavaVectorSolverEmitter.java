package io.github.odec.emit.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.odec.emit.StatementWalk;
import io.github.odec.ir.Argument;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrFunction;
import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.Procedure;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.SolverFunction;
import io.github.odec.ir.Stmt;
import io.github.odec.ir.pass.MaskedFunction;
import io.github.odec.ir.pass.VectorUnsupportedException;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Prints a solver function as SPMD Java over the Vector API: one call solves a group of L instances
 * (L = the preferred species' lane count) in lockstep. Every REAL local is a lane vector, INT a
 * DoubleVector of integer values in f64 (exact below 2^53, and no mask casts between element types,
 * which C2 does not always intrinsify) or an IntVector in f32, BOOL a mask. It prints if-converted
 * IR ({@link io.github.odec.ir.pass.IfConversion} decides which lanes run what: masks, blends, any-lane
 * loops) through its hooks of the shared {@link StatementWalk}, and makes no masking decisions itself.
 * Buffer loads and stores of REAL values in f64 are native masked gathers and scatters; the others
 * are per-lane scalar loops under the statement's mask (bounds-checked loads, because a lane outside
 * the mask may hold any index). Only operations that are bit-identical to the scalar printer's run
 * lanewise (+ - * / neg, sqrt, abs, min, max, comparisons); every other math call runs per lane
 * through the same {@code Math} method as the scalar path. No FMA anywhere.
 *
 * <p>The whole group solve stays in one method so that no vector escapes (the Vector API boxes
 * vectors that cross a non-inlined call). Local arrays (the layout of large systems) are not
 * handled: IfConversion refuses them with {@link VectorUnsupportedException} (as this printer does
 * integer division), and callers use the scalar path.
 */
public final class JavaVectorSolverEmitter extends StatementWalk {

    public static final String PACKAGE = JavaSolverEmitter.PACKAGE;
    private static final String VECTOR = "jdk.incubator.vector";
    private static final String BUFFERS = "buf";
    /** Scratch arrays of L elements: two REAL, two INT (indexes and integer values). */
    private static final String RA = "ra", RB = "rb", IA = "ia", IB = "ib";
    /** f64: the int index map of native gathers and scatters of REAL buffers (AVX-512 has both). */
    private static final String IM = "im";

    private final boolean f64;
    private final String real;      // scalar element type of REAL
    private final String integer;   // scalar element type of INT lanes
    private final String realVector;
    private final String intVector;
    private final String maskType;
    private final JavaExpressionPrinter scalar;
    private final Local instance;
    private final Set<String> scalarLocals = new HashSet<>();
    private final CodeBlock.Builder out = CodeBlock.builder();
    /** The spelling of the pass's temporaries ({@code _vN}, numbered with the expression temporaries) and of the lane mask. */
    private final Map<Local, String> names = new HashMap<>();
    private int temps;

    private JavaVectorSolverEmitter(Precision precision, Local instance) {
        this.f64 = precision == Precision.F64;
        this.real = f64 ? "double" : "float";
        this.integer = f64 ? "double" : "int";
        this.realVector = f64 ? "DoubleVector" : "FloatVector";
        this.intVector = f64 ? "DoubleVector" : "IntVector";
        this.maskType = "VectorMask<" + (f64 ? "Double" : "Float") + ">";
        this.scalar = new JavaExpressionPrinter(precision, BUFFERS, instance.name());
        this.instance = instance;
    }

    /** The class name of the SIMD solver for a solver function. */
    public static String className(SolverFunction f) {
        return JavaSolverEmitter.className(f.name()) + "_simd";
    }

    public static JavaSolverSource emit(MaskedFunction masked) {
        SolverFunction f = masked.function();
        TypeSpec type = new JavaVectorSolverEmitter(f.precision(), f.instance()).type(f, masked.lanes());
        return SolverClassSkeleton.source(SolverClassSkeleton.file(type)
                .addStaticImport(ClassName.get(VECTOR, "VectorOperators"), "*").build());
    }

    private TypeSpec type(SolverFunction f, Local lanes) {
        ClassName species = ClassName.get(VECTOR, "VectorSpecies");
        ClassName rv = ClassName.get(VECTOR, realVector);
        ClassName iv = ClassName.get(VECTOR, intVector);
        ClassName vm = ClassName.get(VECTOR, "VectorMask");
        TypeName boxedReal = f64 ? ClassName.get(Double.class) : ClassName.get(Float.class);
        TypeName boxedInt = f64 ? ClassName.get(Double.class) : ClassName.get(Integer.class);
        TypeName realArray = ArrayTypeName.of(f64 ? TypeName.DOUBLE : TypeName.FLOAT);
        TypeName intArray = ArrayTypeName.of(f64 ? TypeName.DOUBLE : TypeName.INT);

        out.add(JavaSlots.locals(f.slots(), BUFFERS));
        out.addStatement("$T m0 = RS.indexInRange(base, to)", ParameterizedTypeName.get(vm, boxedReal));
        out.addStatement("$T $L = $T.broadcast(IS, base).addIndex(1)", iv, instance.name(), iv);
        names.put(lanes, "m0");
        statements(f.body());

        MethodSpec group = MethodSpec.methodBuilder(f.name())
                .addJavadoc("Solves instances [base, min(base + L, to)) in lockstep, one lane each.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(SolveBuffers.class, BUFFERS)
                .addParameter(int.class, "base")
                .addParameter(int.class, "to")
                .addParameter(realArray, RA).addParameter(realArray, RB)
                .addParameter(intArray, IA).addParameter(intArray, IB)
                .addParameter(int[].class, IM)
                .addCode(out.build())
                .build();
        MethodSpec solve = SolverClassSkeleton.solve()
                .addComment("per-lane scratch for gathers, scatters and math calls: allocated once per call")
                .addStatement("$T $L = new $L[L], $L = new $L[L]", realArray, RA, real, RB, real)
                .addStatement("$T $L = new $L[L], $L = new $L[L]", intArray, IA, integer, IB, integer)
                .addStatement("int[] $L = new int[L]", IM)
                .beginControlFlow("for (int base = from; base < to; base += L)")
                .addStatement("$N(buffers, base, to, $L, $L, $L, $L, $L)", group, RA, RB, IA, IB, IM)
                .endControlFlow()
                .build();
        return SolverClassSkeleton.type(className(f),
                        "Generated by odec: " + f.name() + ", SIMD lanes over the Vector API. Do not edit.\n")
                .addField(FieldSpec.builder(ParameterizedTypeName.get(species, boxedReal), "RS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer("$T.SPECIES_PREFERRED", rv).build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(species, boxedInt), "IS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.SPECIES_PREFERRED.withShape(RS.vectorShape())", iv).build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(species, ClassName.get(Integer.class)), "IM",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of(int.class, $T.forBitSize(RS.length() * 32))", species,
                                ClassName.get(VECTOR, "VectorShape")).build())
                .addField(FieldSpec.builder(int.class, "L", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("RS.length()").build())
                .addMethod(solve)
                .addMethod(group)
                .build();
    }

    // ---- statements: the shared walk's hooks. If-converted IR holds only masked statements, for loops
    // (a compile-time range: the counter is a scalar int, the same in every lane) and comments.

    @Override
    protected void masked(Stmt.Masked s) {
        switch (s) {
            case Stmt.Masked.Declare(var l, var init, var m) ->
                    out.addStatement("$L $L = $L", type(l.type()), l.name(), expr(out, init, name(m)));
            case Stmt.Masked.Temp(var l, var init, var m) -> names.put(l, temp(out, l.type(), expr(out, init, name(m))));
            case Stmt.Masked.Outside(var l, var from, var cond) ->
                    names.put(l, temp(out, ScalarType.BOOL, name(from) + ".andNot(" + name(cond) + ")"));
            case Stmt.Masked.Blend(var l, var value, var m) -> blend(out, l, expr(out, value, name(m)), name(m));
            case Stmt.Masked.Scatter(var slot, var index, var value, var m) -> scatter(out, slot, index, value, name(m));
            case Stmt.Masked.Narrow(var l, var keep, var m) ->
                    out.addStatement("$L = $L.and($L)", name(l), name(l), expr(out, keep, name(m)));
            case Stmt.Masked.Drop(var l, var lanes) -> out.addStatement("$L = $L.andNot($L)", name(l), name(l), name(lanes));
            case Stmt.Masked.IfAny(var m, var body) -> {
                out.beginControlFlow("if ($L.anyTrue())", name(m));
                statements(body);
                out.endControlFlow();
            }
            case Stmt.Masked.WhileAny(var m, var head, var body) -> {
                out.beginControlFlow("while (true)");
                statements(head);
                out.beginControlFlow("if (!$L.anyTrue())", name(m)).addStatement("break").endControlFlow();
                statements(body);
                out.endControlFlow();
            }
        }
    }

    @Override
    protected void forLoop(Local v, int from, int to, List<Stmt> body) {
        scalarLocals.add(v.name());
        out.beginControlFlow("for (int $L = $L; $L < $L; $L++)", v.name(), from, v.name(), to, v.name());
        statements(body);
        out.endControlFlow();
    }

    @Override
    protected void comment(String text) {
        out.add("// $L\n", text);
    }

    @Override
    protected void declare(Local l, IrExpr init) {
        throw notConverted("a declaration");
    }

    @Override
    protected void assign(Local l, IrExpr value) {
        throw notConverted("an assignment");
    }

    @Override
    protected void store(Slot slot, IrExpr index, IrExpr value) {
        throw notConverted("a store");
    }

    @Override
    protected void ifElse(IrExpr c, List<Stmt> then, List<Stmt> otherwise) {
        throw notConverted("an if");
    }

    @Override
    protected void whileLoop(IrExpr c, List<Stmt> body) {
        throw notConverted("a while loop");
    }

    @Override
    protected void breakLoop() {
        throw notConverted("a break");
    }

    @Override
    protected void declareArray(LocalArray array) {
        throw notConverted("a local array");
    }

    @Override
    protected void storeElement(LocalArray array, IrExpr index, IrExpr value) {
        throw notConverted("a local array");
    }

    @Override
    protected void call(Procedure callee, List<Argument> arguments) {
        throw notConverted("a procedure call");
    }

    /** IfConversion leaves none of these (or refuses the function), so meeting one is a compiler bug. */
    private static IllegalArgumentException notConverted(String what) {
        return new IllegalArgumentException(what + " in IR that is not if-converted");
    }

    /** How a local is spelled: the pass's temporaries and the lane mask by this printer's names, the rest by their own. */
    private String name(Local l) {
        return names.getOrDefault(l, l.name());
    }

    /** Assigns under mask {@code m}: lanes outside it keep their value. */
    private void blend(CodeBlock.Builder out, Local l, String value, String m) {
        switch (l.type()) {
            case REAL -> out.addStatement("$L = $L.blend($L, $L)", l.name(), l.name(), value, m);
            case INT -> out.addStatement("$L = $L.blend($L, $L.cast(IS))", l.name(), l.name(), value, m);
            case BOOL -> out.addStatement("$L = $L.andNot($L).or($L.and($L))", l.name(), l.name(), m, value, m);
        }
    }

    /** A masked per-lane scatter; the address is the scalar printer's instance-major one, lane by lane. */
    private void scatter(CodeBlock.Builder out, Slot b, IrExpr element, IrExpr value, String m) {
        String index = index(out, b, element, m);
        String v = expr(out, value, m);
        boolean isReal = b.element() == Slot.Element.REAL;
        if (isReal && f64) {
            // a native masked scatter: active lanes are distinct instances, so distinct in-range addresses;
            // the Vector API range-checks every lane, masked or not, so inactive lanes point at element 0
            out.addStatement("((jdk.incubator.vector.IntVector) $L.blend(0, $L.cast(IS).not()).convertShape(D2I, IM, 0))"
                    + ".intoArray($L, 0)", index, m, IM);
            out.addStatement("$L.intoArray($L, 0, $L, 0, $L)", v, b.identifier(), IM, m);
            return;
        }
        String bits = fresh("mb");
        out.addStatement("$L.intoArray($L, 0)", index, IA);
        out.addStatement("$L.intoArray($L, 0)", v, isReal ? RA : IB);
        out.addStatement("long $L = $L.toLong()", bits, m);
        out.beginControlFlow("for (int _l = 0; _l < L; _l++)");
        out.beginControlFlow("if ((($L >>> _l) & 1) != 0)", bits);
        out.addStatement("$L[(int) $L[_l]] = $L", b.identifier(), IA,
                isReal ? RA + "[_l]" : (f64 ? "(int) " : "") + IB + "[_l]");
        out.endControlFlow();
        out.endControlFlow();
    }

    /** The lane vector of addresses {@code instance * width + element} (see JavaExpressionPrinter.bufferAccess). */
    private String index(CodeBlock.Builder out, Slot b, IrExpr element, String m) {
        String width = JavaSlots.width(b, BUFFERS);
        IrExpr instanceRead = new IrExpr.Read(instance);
        String base = width.isEmpty() ? expr(out, instanceRead, m)
                : expr(out, instanceRead, m) + ".mul(" + intBroadcast(width) + ")";
        boolean zero = element instanceof IrExpr.IntLiteral(int v) && v == 0;
        return temp(out, ScalarType.INT, zero ? base : base + ".add(" + expr(out, element, m) + ")");
    }

    // ---- expressions: lane-vector Java text; loads and per-lane math emit statements before it

    private String expr(CodeBlock.Builder out, IrExpr e, String m) {
        return switch (e) {
            case IrExpr.RealLiteral lit -> realVector + ".broadcast(RS, " + scalar.print(lit) + ")";
            case IrExpr.IntLiteral(int v) -> intBroadcast(Integer.toString(v));
            case IrExpr.BoolLiteral(boolean v) -> "RS.maskAll(" + v + ")";
            case IrExpr.Read(var l) -> scalarLocals.contains(l.name()) ? intBroadcast(l.name()) : name(l);
            case IrExpr.Negate(var x) -> expr(out, x, m) + ".neg()";
            case IrExpr.Not(var x) -> expr(out, x, m) + ".not()";
            case IrExpr.Arith(var op, var l, var r) -> {
                if (l.type() == ScalarType.INT && (op == IrExpr.ArithOp.DIV || op == IrExpr.ArithOp.REM)) {
                    throw new VectorUnsupportedException("integer division");
                }
                String method = switch (op) {
                    case ADD -> "add"; case SUB -> "sub"; case MUL -> "mul"; case DIV -> "div";
                    case REM -> throw new VectorUnsupportedException("REM on REAL");
                };
                yield expr(out, l, m) + "." + method + "(" + expr(out, r, m) + ")";
            }
            case IrExpr.Compare(var op, var l, var r) -> {
                String c = expr(out, l, m) + ".compare(" + op.name() + ", " + expr(out, r, m) + ")";
                yield l.type() == ScalarType.INT ? c + ".cast(RS)" : c;
            }
            case IrExpr.Logic(var op, var l, var r) ->
                    expr(out, l, m) + (op == IrExpr.LogicOp.AND ? ".and(" : ".or(") + expr(out, r, m) + ")";
            case IrExpr.Select(var c, var a, var b) -> {
                String cond = temp(out, ScalarType.BOOL, expr(out, c, m));
                String x = expr(out, a, m);
                String y = expr(out, b, m);
                yield switch (a.type()) {
                    case REAL -> y + ".blend(" + x + ", " + cond + ")";
                    case INT -> y + ".blend(" + x + ", " + cond + ".cast(IS))";
                    case BOOL -> y + ".andNot(" + cond + ").or(" + x + ".and(" + cond + "))";
                };
            }
            case IrExpr.Call(var f, var args) -> switch (f) {
                case ABS -> expr(out, args.get(0), m) + ".abs()";
                case SQRT -> expr(out, args.get(0), m) + ".sqrt()";
                case MIN -> expr(out, args.get(0), m) + ".min(" + expr(out, args.get(1), m) + ")";
                case MAX -> expr(out, args.get(0), m) + ".max(" + expr(out, args.get(1), m) + ")";
                case IS_FINITE -> expr(out, args.get(0), m) + ".test(IS_FINITE)";
                default -> perLane(out, f, args.stream().map(a -> expr(out, a, m)).toList());
            };
            case IrExpr.Load(var b, var index) -> load(out, b, index, m);
            case IrExpr.CoefficientRef c -> realVector + ".broadcast(RS, " + scalar.print(c) + ")";
            case IrExpr.EvalCount() -> intBroadcast(BUFFERS + ".evalCount");
            // f64 INT lanes are already doubles holding integers (exact below 2^53)
            case IrExpr.IntToReal(var x) -> f64 ? expr(out, x, m)
                    : "((" + realVector + ") " + expr(out, x, m) + ".convert(I2F, 0))";
            case IrExpr.ArrayElement(var a, var i) -> throw new VectorUnsupportedException("local arrays");
        };
    }

    /** A math call lane by lane through the scalar printer's own call text, so results match it bit for bit. */
    private String perLane(CodeBlock.Builder out, IrFunction function, List<String> args) {
        String[] scratch = {RA, RB};
        List<String> laneArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            out.addStatement("$L.intoArray($L, 0)", args.get(i), scratch[i]);
            laneArgs.add(scratch[i] + "[_l]");
        }
        String text = scalar.mathCall(function, laneArgs).text();
        out.beginControlFlow("for (int _l = 0; _l < L; _l++)").addStatement("$L[_l] = $L", RA, text).endControlFlow();
        return temp(out, ScalarType.REAL, realVector + ".fromArray(RS, " + RA + ", 0)");
    }

    /** A masked, bounds-checked per-lane gather; lanes outside the mask read 0. */
    private String load(CodeBlock.Builder out, Slot b, IrExpr element, String m) {
        String index = index(out, b, element, m);
        String bits = fresh("mb");
        String array = b.identifier();
        boolean isReal = b.element() == Slot.Element.REAL;
        if (isReal && f64) {
            // a native masked gather, its mask narrowed to in-range addresses (a lane outside m may hold any)
            String ok = temp(out, ScalarType.BOOL, index + ".compare(GE, 0L).and(" + index + ".compare(LT, (long) "
                    + array + ".length)).cast(RS).and(" + m + ")");
            out.addStatement("((jdk.incubator.vector.IntVector) $L.blend(0, $L.cast(IS).not()).convertShape(D2I, IM, 0))"
                    + ".intoArray($L, 0)", index, ok, IM);
            return temp(out, ScalarType.REAL, realVector + ".fromArray(RS, " + array + ", 0, " + IM + ", 0, " + ok + ")");
        }
        String target = isReal ? RA : IB;
        out.addStatement("$L.intoArray($L, 0)", index, IA);
        out.addStatement("long $L = $L.toLong()", bits, m);
        out.beginControlFlow("for (int _l = 0; _l < L; _l++)");
        out.addStatement("int _a = (int) $L[_l]", IA);
        out.addStatement("$L[_l] = (($L >>> _l) & 1) != 0 && _a >= 0 && _a < $L.length ? $L$L[_a] : 0",
                target, bits, array, isReal && !f64 ? "(float) " : "", array);
        out.endControlFlow();
        return temp(out, ScalarType.of(b),
                (isReal ? realVector : intVector) + ".fromArray(" + (isReal ? "RS" : "IS") + ", " + target + ", 0)");
    }

    private String intBroadcast(String scalarText) {
        return intVector + ".broadcast(IS, " + (f64 ? "(double) " : "") + scalarText + ")";
    }

    private String temp(CodeBlock.Builder out, ScalarType t, String value) {
        String name = fresh("v");
        out.addStatement("$L $L = $L", type(t), name, value);
        return name;
    }

    private String fresh(String prefix) {
        return "_" + prefix + temps++;
    }

    private String type(ScalarType t) {
        return switch (t) {
            case REAL -> realVector;
            case INT -> intVector;
            case BOOL -> maskType;
        };
    }
}
