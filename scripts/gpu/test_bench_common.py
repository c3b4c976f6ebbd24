"""Plain-python tests of bench_common and merge_table (no torch, no jax): python3 scripts/gpu/test_bench_common.py"""
import importlib.util
import io
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common as c  # noqa: E402
import merge_table  # noqa: E402


class CaseDefinitions(unittest.TestCase):
    def test_linspace_includes_both_ends(self):
        self.assertEqual(c.linspace(0.0, 21.0, 4), [0.0, 7.0, 14.0, 21.0])
        self.assertEqual(c.lorenz_rho(1024)[-1], 21.0)
        self.assertEqual(len(c.lorenz_rho(1024)), 1024)
        times = c.vdp_eval_times()
        self.assertEqual((len(times), times[0], times[-1]), (200, 0.0, c.VDP_PERIOD))

    def test_lorenz_sizes(self):
        self.assertEqual(c.lorenz_sizes(12), [1024, 2048, 4096])

    def test_vdp_initial_states_match_odecs(self):
        # odec's TorchodeVanDerPol (dopri5 at 1e-12) gives these for samples 0 and 255 (also bench/vdp-torchode-y0.csv);
        # RK4 with h = T/20480 agrees to ~5e-11, so 1e-8 is a safe bound.
        states = c.vdp_initial_states()
        self.assertEqual(len(states), 256)
        for got, want in ((states[0], (2.0168244932866863, -0.09907162862506651)),
                          (states[255], (-2.018139523840284, 0.0770814084362409))):
            for g, w in zip(got, want):
                self.assertAlmostEqual(g, w, delta=1e-8)

    def test_one_period_returns_the_first_sample(self):
        x, v = start = c.vdp_initial_states()[0]
        steps = 20000
        for _ in range(steps):
            x, v = c._vdp_rk4_step(x, v, c.VDP_PERIOD / steps)
        self.assertAlmostEqual(x, start[0], delta=1e-8)
        self.assertAlmostEqual(v, start[1], delta=1e-8)


class Rows(unittest.TestCase):
    def test_summary_is_median_min_max_in_ms(self):
        self.assertEqual(c.summarize([0.003, 0.001, 0.002]), (2.0, 1.0, 3.0))

    def test_notes_never_add_a_column(self):
        out = io.StringIO()
        sys.stdout, saved = out, sys.stdout
        try:
            c.emit("x", "case", 8, "f32", [0.001], {"error": "a, b", "nfe": 12})
            c.emit_failure("x", "case", 8, "f32", {"missing": "No module named 'torch', really"})
        finally:
            sys.stdout = saved
        for line in out.getvalue().splitlines():
            self.assertEqual(len(line.split(",")), 8, line)


class MissingLibraries(unittest.TestCase):
    """Without torch or jax (this machine), each script prints one row saying so and exits 0."""

    def check(self, script, module):
        if importlib.util.find_spec(module) is not None:
            self.skipTest(f"{module} is installed here")
        here = os.path.dirname(os.path.abspath(__file__))
        done = subprocess.run([sys.executable, os.path.join(here, script), "10", "5", "1"], capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        lines = done.stdout.splitlines()
        self.assertEqual(lines[0], c.CSV_HEADER)
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines[1].endswith(f"missing=ModuleNotFoundError: No module named '{module}'"), lines[1])

    def test_torchdiffeq_bench(self):
        self.check("torchdiffeq_bench.py", "torch")

    def test_diffrax_bench(self):
        self.check("diffrax_bench.py", "jax")


class MergedTable(unittest.TestCase):
    ROWS = """library,case,N,precision,ms_median,ms_min,ms_max,notes
odec-cuda,vdp-dopri5-1e-5,256,f64,1.5000,1.4,1.7,kernel_ms=1.1;steps=63.8
odec-cpu,vdp-dopri5-1e-5,256,f64,2.4300,2.4,2.5,steps=63.8
odec-cuda,lorenz-tsit5-fixed-1e-3,1024,f32,0.9000,0.8,1.0,kernel_ms=0.5
diffrax,lorenz-tsit5-fixed-1e-3,1024,f32,12.0000,11,13,compile_ms=2100.0
torchdiffeq,lorenz-tsit5-fixed-1e-3,1024,f32,,,,error=RuntimeError: x
torchdiffeq,lorenz-tsit5-fixed-1e-3,2048,f32,310.0000,300,320,method=rk4
diffrax,lorenz-tsit5-fixed-1e-3,2048,f32,,,,skipped=script budget spent
"""

    def test_one_row_per_case_and_n_with_a_column_per_library(self):
        table = merge_table.markdown(merge_table.read_rows([io.StringIO(self.ROWS)]))
        lines = table.splitlines()
        self.assertIn("| case | N | precision | odec cuda | odec cpu | torchdiffeq | diffrax |", lines)
        self.assertIn("| lorenz-tsit5-fixed-1e-3 | 1024 | f32 | 0.900 | - | failed | 12.0 |", lines)
        self.assertIn("| lorenz-tsit5-fixed-1e-3 | 2048 | f32 | - | - | 310 | skipped |", lines)
        self.assertIn("| vdp-dopri5-1e-5 | 256 | f64 | 1.50 | 2.43 | - | - |", lines)
        self.assertTrue(any("error=RuntimeError: x" in line for line in lines))

    def test_missing_library_is_a_note_not_a_row(self):
        rows = "library,case,N,precision,ms_median,ms_min,ms_max,notes\ndiffrax,all,0,-,,,,missing=No module named 'jax'\n"
        table = merge_table.markdown(merge_table.read_rows([io.StringIO(rows)]))
        self.assertIn("diffrax: missing=No module named 'jax'", table)
        self.assertNotIn("| all |", table)


if __name__ == "__main__":
    unittest.main()
