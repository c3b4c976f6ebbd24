package io.github.odec.cli;

import io.github.odec.runtime.CudaGpu;
import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.Solver;
import java.io.PrintWriter;

/**
 * {@code --backend auto}: the GPU where one is usable, else the CPU (the choice {@link Solver#auto()}
 * makes), and one line on stderr that says which and why, so a run that silently fell back to the CPU
 * is not mistaken for a GPU run. Stderr, so values written to stdout stay a clean CSV.
 */
final class AutoBackend {

    private AutoBackend() {}

    static Solver choose(PrintWriter err) {
        Solver solver;
        String line;
        try {
            CudaGpu device = CudaGpu.probe();
            solver = Solver.cuda();
            line = "backend: cuda (" + device.name() + ", compute capability " + device.major() + "." + device.minor() + ")";
        } catch (CudaUnavailableException e) {
            solver = Solver.cpu();
            line = "backend: cpu (no CUDA device: " + reason(e) + ")";
        }
        err.println(line);
        err.flush();
        return solver;
    }

    /**
     * What is missing, without the advice the runtime's message ends with ("; use the CPU backend, or
     * ..."): auto has already taken it.
     */
    static String reason(CudaUnavailableException e) {
        String message = String.valueOf(e.getMessage());
        int advice = message.indexOf("; use ");
        return advice < 0 ? message : message.substring(0, advice);
    }
}
