package io.github.odec.pipeline;

/**
 * What {@link ProjectGenerator} writes. BINDINGS are the typed per-system classes a Java user
 * calls; JAVA are the pre-generated solver classes they run; CUDA and PTX are the device
 * sources: the kernels as CUDA C++, and compiled to PTX where a CUDA compiler is found.
 */
public enum EmitKind { BINDINGS, JAVA, CUDA, PTX }
