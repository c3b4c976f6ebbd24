package io.github.odec.ast;

import io.github.odec.diag.SourceFile;
import java.util.List;

/** A parsed {@code .ode} file: its systems, tableaus and Rosenbrock methods in source order. */
public record OdeFile(SourceFile source, List<Declaration> declarations) {

    public OdeFile {
        declarations = List.copyOf(declarations);
    }

    public List<SystemDecl> systems() {
        return declarations.stream().filter(SystemDecl.class::isInstance).map(SystemDecl.class::cast).toList();
    }

    public List<TableauDecl> tableaus() {
        return declarations.stream().filter(TableauDecl.class::isInstance).map(TableauDecl.class::cast).toList();
    }

    public List<RosenbrockDecl> rosenbrocks() {
        return declarations.stream().filter(RosenbrockDecl.class::isInstance).map(RosenbrockDecl.class::cast).toList();
    }
}
