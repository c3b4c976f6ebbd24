package io.github.odec.emit.bindings;

/**
 * What {@link ProjectGenerator} writes. BINDINGS are the typed per-system classes a Java user
 * calls; JAVA are the pre-generated solver classes they run; CUDA and PTX are the device
 * sources, wired in {@link ProjectGenerator} once the CUDA printer is on this build.
 */
public enum EmitKind { BINDINGS, JAVA, CUDA, PTX }
