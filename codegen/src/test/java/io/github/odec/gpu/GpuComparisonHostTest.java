package io.github.odec.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.emit.cuda.NvccRequirement;
import io.github.odec.runtime.cuda.ContentCache;
import io.github.odec.runtime.cuda.CudaHostBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GpuCheck's timed part without a GPU: a small plan on the cuda-host backend (the same generated CUDA, built for
 * the host by nvcc). It checks the rows scripts/gpu/merge_table.py reads and that the Van der Pol batch agrees
 * with the CPU backend; the times themselves are not asserted.
 */
class GpuComparisonHostTest {

    private static final ContentCache CACHE = new ContentCache(Path.of("target", "odec-cache"));

    @Test
    void smallPlanWritesEveryRowAndTheVanDerPolBatchAgrees(@TempDir Path dir) throws IOException {
        CudaHostBackend host = new CudaHostBackend(NvccRequirement.nvcc(), CACHE);
        Path csvFile = dir.resolve("odec.csv");
        GpuComparison comparison = new GpuComparison(host, () -> -1, new GpuComparison.Plan(10, 10, 1, 1, 2, 60_000),
                new ComparisonCsv(Optional.of(csvFile)));
        comparison.lorenzEnsemble();
        assertTrue(comparison.vanDerPolBatch(), "cuda-host and the CPU backend agree on the Van der Pol batch");

        List<String> lines = Files.readAllLines(csvFile);
        assertEquals(ComparisonCsv.HEADER, lines.get(0));
        // Lorenz: 2 variants x (cuda + cpu) at N = 1024; Van der Pol: 2 precisions x (cuda + cpu).
        assertEquals(1 + 4 + 4, lines.size(), String.join("\n", lines));
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(8, line.split(",", -1).length, line);
        }
        String fixed = row(lines, "odec-cuda,lorenz-tsit5-fixed-1e-3,1024,f32,");
        assertTrue(fixed.contains("steps=1000.0;failed=0"), "dt = 0.001 over (0, 1) is 1000 steps: " + fixed);
        String vdp = row(lines, "odec-cuda,vdp-dopri5-1e-5,256,f64,");
        assertTrue(vdp.contains("max_diff_vs_cpu="), vdp);
        row(lines, "odec-cpu,vdp-dopri5-1e-5,256,f32,");
    }

    private static String row(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + prefix + " in\n" + String.join("\n", lines)));
    }
}
