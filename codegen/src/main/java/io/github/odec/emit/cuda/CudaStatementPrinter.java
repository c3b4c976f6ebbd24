package io.github.odec.emit.cuda;

import io.github.odec.emit.StatementWalk;
import io.github.odec.ir.Argument;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.Procedure;
import io.github.odec.ir.Stmt;
import io.github.odec.runtime.spi.Slot;
import java.util.List;
import java.util.function.Function;

/** The CUDA C++ hooks of the shared statement walk: one C statement per IR statement, indented by depth. */
final class CudaStatementPrinter extends StatementWalk {

    private static final String INDENT = "    ";

    private final StringBuilder out;
    private final CudaExpressionPrinter p;
    /** A procedure's device-function name (procedures are named after their solver). */
    private final Function<Procedure, String> procedureName;
    private int depth;

    CudaStatementPrinter(StringBuilder out, CudaExpressionPrinter p, Function<Procedure, String> procedureName,
                         int depth) {
        this.out = out;
        this.p = p;
        this.procedureName = procedureName;
        this.depth = depth;
    }

    @Override
    protected void declare(Local l, IrExpr init) {
        line(p.type(l.type()) + " " + l.name() + " = " + p.print(init) + ";");
    }

    @Override
    protected void assign(Local l, IrExpr value) {
        line(l.name() + " = " + p.print(value) + ";");
    }

    @Override
    protected void store(Slot slot, IrExpr index, IrExpr value) {
        line(p.bufferAccess(slot, index) + " = " + p.print(value) + ";");
    }

    @Override
    protected void ifElse(IrExpr condition, List<Stmt> then, List<Stmt> otherwise) {
        line("if (" + p.print(condition) + ") {");
        block(then);
        if (!otherwise.isEmpty()) {
            line("} else {");
            block(otherwise);
        }
        line("}");
    }

    @Override
    protected void whileLoop(IrExpr condition, List<Stmt> body) {
        line("while (" + p.print(condition) + ") {");
        block(body);
        line("}");
    }

    @Override
    protected void forLoop(Local v, int from, int to, List<Stmt> body) {
        String n = v.name();
        line("for (int " + n + " = " + from + "; " + n + " < " + to + "; " + n + "++) {");
        block(body);
        line("}");
    }

    @Override
    protected void breakLoop() {
        line("break;");
    }

    /** A thread's own array: registers or local memory, never shared with another instance. */
    @Override
    protected void declareArray(LocalArray array) {
        line(p.real() + " " + array.name() + "[" + array.length() + "];");
    }

    @Override
    protected void storeElement(LocalArray array, IrExpr index, IrExpr value) {
        line(array.name() + "[" + p.print(index) + "] = " + p.print(value) + ";");
    }

    @Override
    protected void call(Procedure callee, List<Argument> arguments) {
        line(procedureName.apply(callee) + "(" + argumentList(arguments, p::print) + ");");
    }

    @Override
    protected void comment(String text) {
        line("// " + text);
    }

    private void block(List<Stmt> stmts) {
        depth++;
        statements(stmts);
        depth--;
    }

    private void line(String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }

    @Override
    protected void masked(Stmt.Masked s) {
        throw new IllegalArgumentException("lane-masked IR is for SIMD targets only: " + s);
    }
}
