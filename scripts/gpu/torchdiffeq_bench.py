"""Times torchdiffeq on the GPU comparison's two cases; prints CSV rows (bench_common.CSV_HEADER) to stdout.

    python3 scripts/gpu/torchdiffeq_bench.py [MAXLOG=20] [BUDGET_S=120] [RUNS=3]   (gpu-check.sh passes its own)

- Lorenz ensemble (DiffEqGPU's): all N instances in one (N, 3) float32 tensor, end state only.
  torchdiffeq has no Tsit5: the fixed-step case uses 'rk4' with step_size 0.001 (torchdiffeq's rk4 is the 3/8-rule
  4-stage method, Tsit5 has 6 stages + FSAL: the closest fixed-step method it has), the adaptive case 'dopri5' at
  atol = rtol = 1e-8.
- torchode's Van der Pol batch: the 256 instances in one (256, 2) tensor, dopri5 at 1e-5, 200 evaluation times,
  f64 and f32. torchdiffeq integrates a batch as ONE system: one step size for all instances, chosen by the
  error norm over the whole tensor, so every instance takes the steps its hardest neighbour needs. That is
  exactly the point the torchode paper makes, and why its steps (nfe) differ from odec's per-instance ones.

Warm-up: one untimed solve per point (CUDA context, kernels' first launch); then the median of RUNS (VdP: 10).
Every run ends with torch.cuda.synchronize(). A case stops growing N after a run over GROWTH_LIMIT_S, and no new
point starts after BUDGET_S. A missing library or GPU prints one row saying so and exits 0.
"""
import signal
import sys

import bench_common as c

LIB = "torchdiffeq"
VDP_RUNS = 10
RUN_TIMEOUT_S = 60  # one solve longer than this is abandoned (SIGALRM interrupts torchdiffeq's Python loop)
MAX_NUM_STEPS = 200_000


class RunTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise RunTimeout(f"a solve ran over {RUN_TIMEOUT_S} s")


def main(argv):
    max_log, budget_s, runs = c.parse_args(argv)
    c.header()
    try:
        import torch
        import torchdiffeq
    except Exception as e:  # ImportError, or a broken install
        c.emit_failure(LIB, "all", 0, "-", {"missing": c.exception_text(e)})
        return 0
    if not torch.cuda.is_available():
        c.emit_failure(LIB, "all", 0, "-", {"missing": "torch.cuda.is_available() is False"})
        return 0
    dev = torch.device("cuda")
    version = getattr(torchdiffeq, "__version__", "?")
    budget = c.Budget(budget_s)
    signal.signal(signal.SIGALRM, _alarm)

    def measure(case, n, precision, solve, count, extra):
        """Warm-up, then `count` timed runs; returns the median seconds, or None when the case must stop."""
        if budget.spent():
            c.emit_failure(LIB, case, n, precision, {"skipped": "script budget spent"})
            return None
        try:
            signal.alarm(RUN_TIMEOUT_S)
            warm = c.time_runs(solve, 1)[0]
            times = c.time_runs(solve, count if warm < c.GROWTH_LIMIT_S else 1)
            signal.alarm(0)
        except Exception as e:  # RunTimeout, max_num_steps exceeded, underflow in dt, out of memory
            signal.alarm(0)
            c.emit_failure(LIB, case, n, precision, {"error": c.exception_text(e)})
            return None
        notes = {"warmup_ms": f"{warm * 1e3:.1f}", "runs": len(times), "torchdiffeq": version, "torch": torch.__version__}
        notes.update(extra())
        c.emit(LIB, case, n, precision, times, notes)
        return sorted(times)[len(times) // 2]

    vdp(torch, torchdiffeq, dev, measure)
    lorenz(torch, torchdiffeq, dev, measure, max_log, runs)
    return 0


def vdp(torch, torchdiffeq, dev, measure):
    y0_list = c.vdp_initial_states()
    for precision, dtype in (("f64", torch.float64), ("f32", torch.float32)):
        y0 = torch.tensor(y0_list, dtype=dtype, device=dev)
        t = torch.tensor(c.vdp_eval_times(), dtype=dtype, device=dev)
        nfe = [0]
        result = {}

        def f(t_, y):
            nfe[0] += 1
            x, v = y[:, 0], y[:, 1]
            return torch.stack((v, c.VDP_MU * (1 - x * x) * v - x), dim=1)

        def solve():
            nfe[0] = 0
            ys = torchdiffeq.odeint(f, y0, t, method="dopri5", rtol=c.VDP_TOL, atol=c.VDP_TOL,
                                    options={"max_num_steps": MAX_NUM_STEPS})
            torch.cuda.synchronize()
            result["ys"] = ys

        def extra():
            ys = result["ys"]
            return {"nfe": nfe[0], "shared_step": "yes (one step size for the whole batch)",
                    "return_err": f"{c.max_return_error(ys[0].tolist(), ys[-1].tolist()):.2e}"}

        measure("vdp-dopri5-1e-5", c.VDP_INSTANCES, precision, solve, VDP_RUNS, extra)


def lorenz(torch, torchdiffeq, dev, measure, max_log, runs):
    cases = [("lorenz-tsit5-fixed-1e-3", {"method": "rk4", "options": {"step_size": c.LORENZ_FIXED_DT}}, "rk4 (3/8 rule) for tsit5"),
             ("lorenz-tsit5-adaptive-1e-8", {"method": "dopri5", "rtol": c.LORENZ_TOL, "atol": c.LORENZ_TOL,
                                             "options": {"max_num_steps": MAX_NUM_STEPS}}, "dopri5 for tsit5")]
    stopped = set()
    for n in c.lorenz_sizes(max_log):
        rho = torch.tensor(c.lorenz_rho(n), dtype=torch.float32, device=dev)
        u0 = torch.tensor(c.LORENZ_U0, dtype=torch.float32, device=dev).repeat(n, 1)
        t = torch.tensor([0.0, 1.0], dtype=torch.float32, device=dev)
        for case, kwargs, method_note in cases:
            if case in stopped:
                continue
            nfe = [0]

            def f(t_, u):
                nfe[0] += 1
                x, y, z = u[:, 0], u[:, 1], u[:, 2]
                return torch.stack((c.LORENZ_SIGMA * (y - x), x * (rho - z) - y, x * y - c.LORENZ_BETA * z), dim=1)

            def solve():
                nfe[0] = 0
                torchdiffeq.odeint(f, u0, t, **kwargs)[-1]
                torch.cuda.synchronize()

            median = measure(case, n, "f32", solve, runs, lambda: {"method": method_note, "nfe": nfe[0]})
            if median is None or median > c.GROWTH_LIMIT_S:
                stopped.add(case)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
