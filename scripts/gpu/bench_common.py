"""What torchdiffeq_bench.py and diffrax_bench.py share: the two cases' definitions, timing, CSV rows.

The cases must match odec's (codegen/src/test/java/io/github/odec/gpu/GpuComparison.java and
TorchodeVanDerPol.java, and bench/README.md for the CPU benchmark). Pure Python, no numpy: it runs
(and is tested by test_bench_common.py) on a machine without torch or jax.
"""
import math
import statistics
import sys
import time

CSV_HEADER = "library,case,N,precision,ms_median,ms_min,ms_max,notes"

# The DiffEqGPU Lorenz ensemble: u0 = (1, 0, 0), t in (0, 1), rho = linspace(0, 21, N), f32, end state only.
LORENZ_SIGMA = 10.0
LORENZ_BETA = 8.0 / 3.0
LORENZ_U0 = (1.0, 0.0, 0.0)
LORENZ_FIXED_DT = 0.001
LORENZ_TOL = 1e-8
LORENZ_MIN_LOG = 10

# torchode's Van der Pol batch: 256 instances, mu = 2, one limit cycle, 200 evaluation times, dopri5 at 1e-5.
VDP_MU = 2.0
VDP_PERIOD = 7.629874479674498
VDP_INSTANCES = 256
VDP_EVAL_COUNT = 200
VDP_TOL = 1e-5
VDP_SETTLE_PERIODS = 20

# A case stops growing N once one run took longer than this (the next N, twice as large, would take ~20 s).
GROWTH_LIMIT_S = 10.0


def linspace(start, stop, n):
    """n evenly spaced values from start to stop, both included (numpy.linspace's values)."""
    if n == 1:
        return [float(start)]
    step = (stop - start) / (n - 1)
    return [start + k * step if k < n - 1 else float(stop) for k in range(n)]


def lorenz_rho(n):
    return linspace(0.0, 21.0, n)


def vdp_eval_times():
    return linspace(0.0, VDP_PERIOD, VDP_EVAL_COUNT)


def _vdp_rk4_step(x, v, h, mu=VDP_MU):
    def f(x, v):
        return v, mu * (1.0 - x * x) * v - x

    k1x, k1v = f(x, v)
    k2x, k2v = f(x + 0.5 * h * k1x, v + 0.5 * h * k1v)
    k3x, k3v = f(x + 0.5 * h * k2x, v + 0.5 * h * k2v)
    k4x, k4v = f(x + h * k3x, v + h * k3v)
    return (x + h / 6.0 * (k1x + 2 * k2x + 2 * k3x + k4x),
            v + h / 6.0 * (k1v + 2 * k2v + 2 * k3v + k4v))


def vdp_initial_states(n=VDP_INSTANCES, substeps=40):
    """n states on the limit cycle at t_k = k (T/2) / n, k = 0..n-1, after settling 20 periods from (2, 0).

    The same definition as odec's TorchodeVanDerPol (which uses dopri5 at 1e-12); here classic RK4 with
    h = (T/2) / (n * substeps), so that every sample time is a grid point (about 2e-10 from odec's states).
    """
    h = VDP_PERIOD / 2.0 / (n * substeps)
    x, v = 2.0, 0.0
    for _ in range(VDP_SETTLE_PERIODS * 2 * n * substeps):
        x, v = _vdp_rk4_step(x, v, h)
    states = []
    for _ in range(n):
        states.append((x, v))
        for _ in range(substeps):
            x, v = _vdp_rk4_step(x, v, h)
    return states


def summarize(times_s):
    """(median, min, max) in ms."""
    ms = [t * 1e3 for t in times_s]
    return statistics.median(ms), min(ms), max(ms)


def time_runs(run, runs):
    """Wall-clock seconds of each of `runs` calls of run(), which must synchronise the GPU before returning."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return times


def notes_text(notes):
    """key=value pairs joined by ';' (no commas, so the CSV stays 8 columns)."""
    return ";".join(f"{k}={v}" for k, v in notes.items()).replace(",", " ")


def emit(library, case, n, precision, times_s, notes):
    med, lo, hi = summarize(times_s)
    print(f"{library},{case},{n},{precision},{med:.4f},{lo:.4f},{hi:.4f},{notes_text(notes)}", flush=True)


def emit_failure(library, case, n, precision, notes):
    """A row without times: the case failed, timed out, was skipped, or the library is missing."""
    print(f"{library},{case},{n},{precision},,,,{notes_text(notes)}", flush=True)


def lorenz_sizes(max_log):
    return [1 << log for log in range(LORENZ_MIN_LOG, max_log + 1)]


class Budget:
    """The script's own time guard: no new measurement starts after `seconds` (scripts/gpu-check.sh also kills it)."""

    def __init__(self, seconds):
        self.deadline = time.monotonic() + seconds

    def left(self):
        return self.deadline - time.monotonic()

    def spent(self):
        return self.left() <= 0


def parse_args(argv):
    """[MAXLOG] [BUDGET_S] [RUNS]: Lorenz N up to 2^MAXLOG, the script's time budget, measured runs per point."""
    max_log = int(argv[1]) if len(argv) > 1 else 20
    budget = float(argv[2]) if len(argv) > 2 else 120.0
    runs = int(argv[3]) if len(argv) > 3 else 3
    return max_log, budget, runs


def max_return_error(y0, y_end):
    """max |y(T) - y(0)| over instances: about the tolerance when the batch really is one period on the cycle."""
    return max(max(abs(a - b) for a, b in zip(s, e)) for s, e in zip(y0, y_end))


def header():
    print(CSV_HEADER, flush=True)


def exception_text(e):
    text = f"{type(e).__name__}: {e}".replace("\n", " ")
    return text[:200]


if __name__ == "__main__":
    sys.exit("a module for torchdiffeq_bench.py and diffrax_bench.py")
