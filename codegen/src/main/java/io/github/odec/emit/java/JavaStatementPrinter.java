package io.github.odec.emit.java;

import com.palantir.javapoet.CodeBlock;
import io.github.odec.emit.StatementWalk;
import io.github.odec.ir.Argument;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.Procedure;
import io.github.odec.ir.Stmt;
import io.github.odec.runtime.spi.Slot;
import java.util.List;

/** The scalar Java hooks of the shared statement walk: one Java statement per IR statement. */
final class JavaStatementPrinter extends StatementWalk {

    private final CodeBlock.Builder out;
    private final JavaExpressionPrinter p;

    JavaStatementPrinter(CodeBlock.Builder out, JavaExpressionPrinter p) {
        this.out = out;
        this.p = p;
    }

    @Override
    protected void declare(Local l, IrExpr init) {
        out.addStatement("$L $L = $L", p.type(l.type()), l.name(), p.print(init));
    }

    @Override
    protected void assign(Local l, IrExpr value) {
        out.addStatement("$L = $L", l.name(), p.print(value));
    }

    @Override
    protected void store(Slot slot, IrExpr index, IrExpr value) {
        out.addStatement("$L = $L", p.bufferAccess(slot, index), p.print(value));
    }

    @Override
    protected void ifElse(IrExpr condition, List<Stmt> then, List<Stmt> otherwise) {
        out.beginControlFlow("if ($L)", p.print(condition));
        statements(then);
        if (!otherwise.isEmpty()) {
            out.nextControlFlow("else");
            statements(otherwise);
        }
        out.endControlFlow();
    }

    @Override
    protected void whileLoop(IrExpr condition, List<Stmt> body) {
        out.beginControlFlow("while ($L)", p.print(condition));
        statements(body);
        out.endControlFlow();
    }

    @Override
    protected void forLoop(Local v, int from, int to, List<Stmt> body) {
        out.beginControlFlow("for (int $L = $L; $L < $L; $L++)", v.name(), from, v.name(), to, v.name());
        statements(body);
        out.endControlFlow();
    }

    @Override
    protected void breakLoop() {
        out.addStatement("break");
    }

    /** Scratch arrays are allocated once per solve call and passed in (JavaSolverEmitter.arrays). */
    @Override
    protected void declareArray(LocalArray array) {}

    @Override
    protected void storeElement(LocalArray array, IrExpr index, IrExpr value) {
        out.addStatement("$L[$L] = $L", array.name(), p.print(index), p.print(value));
    }

    @Override
    protected void call(Procedure callee, List<Argument> arguments) {
        out.addStatement("$L($L)", callee.name(), argumentList(arguments, p::print));
    }

    @Override
    protected void comment(String text) {
        out.add("// $L\n", text);
    }

    @Override
    protected void masked(Stmt.Masked s) {
        throw new IllegalArgumentException("lane-masked IR is for SIMD targets only: " + s);
    }
}
