package io.github.odec.ir;

/**
 * A fixed-length array of REAL scratch values (a local array on the GPU; on the CPU, scratch memory
 * the printer allocates once per solve call, outside every loop). Used for systems too large for one
 * local per component. Every element is written before it is read within one instance's solve, so
 * sharing the scratch between instances cannot leak values from one to another.
 */
public record LocalArray(String name, int length) {}
