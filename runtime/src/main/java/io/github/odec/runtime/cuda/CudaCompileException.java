package io.github.odec.runtime.cuda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NVRTC or nvcc rejected generated source. Generated code that does not compile is odec's bug, so
 * the message quotes the generated line each diagnostic points at, to make the report useful.
 */
public final class CudaCompileException extends RuntimeException {

    /** {@code name(123): error ...} as both nvcc and NVRTC print it. */
    private static final Pattern LOCATION = Pattern.compile("\\((\\d+)\\): (error|warning)");

    public CudaCompileException(String compiler, String log, String source) {
        super("internal error: " + compiler + " rejected the generated CUDA source:\n" + annotate(log, source));
    }

    /** Each log line that names a line of the source is followed by that generated line. */
    static String annotate(String log, String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (String l : log.split("\n")) {
            out.append(l).append('\n');
            Matcher m = LOCATION.matcher(l);
            if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n >= 1 && n <= lines.length) {
                    out.append("    generated line ").append(n).append(": ").append(lines[n - 1].strip()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
