package io.github.odec.emit.java;

/** Emitted Java source of one solver class. */
public record JavaSolverSource(String packageName, String simpleName, String source) {

    public String binaryName() {
        return packageName + "." + simpleName;
    }
}
