package io.github.odec.runtime.cuda;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.CudaKernelSource;
import io.github.odec.runtime.spi.Slot;

/**
 * A small C++ program around a generated kernel source: it reads a batch (the format of
 * {@link CudaHostBackend}), calls the same {@code __host__ __device__} per-instance solver the GPU
 * kernel calls once per instance, and writes the outputs. Built by nvcc, so the exact kernel text
 * is what runs, only on the host.
 */
final class CudaHostHarness {

    private CudaHostHarness() {}

    static String source(CudaKernelSource kernel) {
        String real = kernel.precision() == Precision.F64 ? "double" : "float";
        StringBuilder s = new StringBuilder();
        s.append("// odec host harness for ").append(kernel.solverFunction()).append(". Generated; do not edit.\n");
        s.append("#include <cstdio>\n#include <cstdlib>\n\n");
        s.append(kernel.source()).append('\n');
        s.append("typedef ").append(real).append(" odec_real;\n\n");
        s.append("""
                static void odec_io(size_t done, size_t bytes, const char* what)
                {
                    if (done != bytes) {
                        fprintf(stderr, "odec host harness: cannot %s %zu bytes\\n", what, bytes);
                        exit(3);
                    }
                }

                template <typename T> static T* odec_alloc(size_t count)
                {
                    T* p = (T*) calloc(count + 1, sizeof(T));
                    if (p == NULL) {
                        fprintf(stderr, "odec host harness: out of memory\\n");
                        exit(4);
                    }
                    return p;
                }

                int main(int argc, char** argv)
                {
                    if (argc != 3) {
                        fprintf(stderr, "usage: %s INPUT OUTPUT\\n", argv[0]);
                        return 2;
                    }
                    FILE* in = fopen(argv[1], "rb");
                    if (in == NULL) {
                        fprintf(stderr, "odec host harness: cannot open %s\\n", argv[1]);
                        return 2;
                    }
                    long long n = 0;
                    int shape[4];
                    double c[6];
                    odec_io(fread(&n, 1, sizeof n, in), sizeof n, "read");
                    odec_io(fread(shape, 1, sizeof shape, in), sizeof shape, "read");
                    odec_io(fread(c, 1, sizeof c, in), sizeof c, "read");
                    const size_t N = (size_t) n;
                    const size_t stateCount = (size_t) shape[0], paramCount = (size_t) shape[1];
                    const int evalCount = shape[2];
                    const size_t observeCount = (size_t) shape[3];
                """);
        for (Slot slot : kernel.slots()) {
            String type = slot.element() == Slot.Element.INT ? "int" : "odec_real";
            String count = "N * " + width(slot);
            s.append("    ").append(type).append("* ").append(slot.identifier()).append(" = odec_alloc<").append(type)
                    .append(">(").append(count).append(");\n");
            if (!slot.output()) {
                s.append("    odec_io(fread(").append(slot.identifier()).append(", sizeof(").append(type).append("), ")
                        .append(count).append(", in), ").append(count).append(", \"read\");\n");
            }
        }
        s.append("    fclose(in);\n");
        s.append("    for (long long i = 0; i < n; i++) {\n");
        s.append("        ").append(kernel.solverFunction()).append("((int) i, N, evalCount");
        for (Slot slot : kernel.slots()) {
            s.append(", ").append(slot.identifier());
        }
        for (int k = 0; k < KernelAbi.COEFFICIENTS.size(); k++) {
            s.append(", (odec_real) c[").append(k).append(']');
        }
        s.append(");\n    }\n");
        s.append("""
                    FILE* out = fopen(argv[2], "wb");
                    if (out == NULL) {
                        fprintf(stderr, "odec host harness: cannot create %s\\n", argv[2]);
                        return 2;
                    }
                """);
        for (Slot slot : kernel.slots()) {
            if (slot.output()) {
                String type = slot.element() == Slot.Element.INT ? "int" : "odec_real";
                String count = "N * " + width(slot);
                s.append("    odec_io(fwrite(").append(slot.identifier()).append(", sizeof(").append(type).append("), ")
                        .append(count).append(", out), ").append(count).append(", \"write\");\n");
            }
        }
        s.append("    return fclose(out) == 0 ? 0 : 3;\n}\n");
        return s.toString();
    }

    private static String width(Slot slot) {
        return switch (slot.width()) {
            case ONE -> "1";
            case STATES -> "stateCount";
            case PARAMS -> "paramCount";
            case EVAL_TIMES -> "(size_t) evalCount";
            case EVAL_STATES -> "(size_t) evalCount * stateCount";
            case OBSERVES -> "observeCount";
        };
    }
}
