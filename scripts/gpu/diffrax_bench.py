"""Times diffrax on the GPU comparison's two cases; prints CSV rows (bench_common.CSV_HEADER) to stdout.

    python3 scripts/gpu/diffrax_bench.py [MAXLOG=20] [BUDGET_S=120] [RUNS=3]   (gpu-check.sh passes its own)

- Lorenz ensemble (DiffEqGPU's): one solve per instance, jax.vmap over rho, jax.jit, float32 (times too), end
  state only (SaveAt(t1=True)); Tsit5 with ConstantStepSize and dt0 = 0.001, and Tsit5 with
  PIDController(rtol = atol = 1e-8) (diffrax's default coefficients: the integral controller).
- torchode's Van der Pol batch: jax.vmap over the 256 initial states (each instance its own step size, like odec),
  Dopri5 with PIDController(rtol = atol = 1e-5), SaveAt(ts = 200 times from 0 to T), f64 and f32.

The jitted function is compiled ahead of time for each shape (jit(...).lower(...).compile()) and that time is
reported as compile_ms, apart from the runs; one untimed warm-up run follows; then the median of RUNS (VdP: 10).
Every run ends with jax.block_until_ready. Note that a vmapped adaptive solve loops until its slowest instance is
done. A case stops growing N after a run over GROWTH_LIMIT_S, and no new point starts after BUDGET_S. A missing
library or GPU prints one row saying so and exits 0.
"""
import sys
import time

import bench_common as c

LIB = "diffrax"
VDP_RUNS = 10
MAX_STEPS = 100_000  # per instance; throw=False, so an instance that needs more is counted in failed=


def main(argv):
    max_log, budget_s, runs = c.parse_args(argv)
    c.header()
    try:
        import jax
        jax.config.update("jax_enable_x64", True)  # for the f64 case; every f32 array below is explicitly float32
        import jax.numpy as jnp
        import diffrax
    except Exception as e:  # ImportError, or a broken install
        c.emit_failure(LIB, "all", 0, "-", {"missing": c.exception_text(e)})
        return 0
    if jax.default_backend() not in ("gpu", "cuda"):
        c.emit_failure(LIB, "all", 0, "-", {"missing": f"jax backend is {jax.default_backend()}, not gpu"})
        return 0
    versions = {"diffrax": getattr(diffrax, "__version__", "?"), "jax": jax.__version__}
    budget = c.Budget(budget_s)

    def measure(case, n, precision, fn, args, count, extra):
        """Compile, warm up, then `count` timed runs; returns the median seconds, or None when the case must stop."""
        if budget.spent():
            c.emit_failure(LIB, case, n, precision, {"skipped": "script budget spent"})
            return None
        try:
            t0 = time.perf_counter()
            compiled = jax.jit(fn).lower(*args).compile()
            compile_s = time.perf_counter() - t0
            out = {}

            def run():
                out["value"] = jax.block_until_ready(compiled(*args))

            warm = c.time_runs(run, 1)[0]
            times = c.time_runs(run, count if warm < c.GROWTH_LIMIT_S else 1)
        except Exception as e:  # out of memory, an API difference between diffrax versions
            c.emit_failure(LIB, case, n, precision, {"error": c.exception_text(e)})
            return None
        notes = {"compile_ms": f"{compile_s * 1e3:.0f}", "warmup_ms": f"{warm * 1e3:.1f}", "runs": len(times)}
        notes.update(extra(out["value"]))
        notes.update(versions)
        c.emit(LIB, case, n, precision, times, notes)
        return sorted(times)[len(times) // 2]

    vdp(jax, jnp, diffrax, measure)
    lorenz(jax, jnp, diffrax, measure, max_log, runs)
    return 0


def _stats(jnp, ok, steps):
    return {"steps": f"{float(jnp.mean(steps)):.1f}", "max_steps": int(jnp.max(steps)),
            "failed": int(ok.size - jnp.sum(ok))}


def vdp(jax, jnp, diffrax, measure):
    term = diffrax.ODETerm(lambda t, y, mu: jnp.stack((y[1], mu * (1 - y[0] ** 2) * y[1] - y[0])))
    y0_list = c.vdp_initial_states()
    for precision, dtype in (("f64", jnp.float64), ("f32", jnp.float32)):
        y0 = jnp.asarray(y0_list, dtype=dtype)
        ts = jnp.asarray(c.vdp_eval_times(), dtype=dtype)
        t0, t1, mu = jnp.asarray(0.0, dtype), jnp.asarray(c.VDP_PERIOD, dtype), jnp.asarray(c.VDP_MU, dtype)

        def one(y):
            sol = diffrax.diffeqsolve(term, diffrax.Dopri5(), t0, t1, None, y, mu, saveat=diffrax.SaveAt(ts=ts),
                                      stepsize_controller=diffrax.PIDController(rtol=c.VDP_TOL, atol=c.VDP_TOL),
                                      max_steps=MAX_STEPS, throw=False)
            return sol.ys, sol.result == diffrax.RESULTS.successful, sol.stats["num_steps"]

        def extra(value):
            ys, ok, steps = value
            notes = _stats(jnp, ok, steps)
            notes["return_err"] = f"{c.max_return_error(ys[:, 0].tolist(), ys[:, -1].tolist()):.2e}"
            return notes

        measure("vdp-dopri5-1e-5", c.VDP_INSTANCES, precision, jax.vmap(one), (y0,), VDP_RUNS, extra)


def lorenz(jax, jnp, diffrax, measure, max_log, runs):
    def field(t, u, rho):
        x, y, z = u[0], u[1], u[2]
        return jnp.stack((c.LORENZ_SIGMA * (y - x), x * (rho - z) - y, x * y - c.LORENZ_BETA * z))

    term = diffrax.ODETerm(field)
    f32 = jnp.float32
    t0, t1, u0 = jnp.asarray(0.0, f32), jnp.asarray(1.0, f32), jnp.asarray(c.LORENZ_U0, f32)
    fixed_dt = jnp.asarray(c.LORENZ_FIXED_DT, f32)

    def fixed(rho):
        sol = diffrax.diffeqsolve(term, diffrax.Tsit5(), t0, t1, fixed_dt, u0, rho, saveat=diffrax.SaveAt(t1=True),
                                  stepsize_controller=diffrax.ConstantStepSize(), max_steps=MAX_STEPS, throw=False)
        return sol.ys[-1], sol.result == diffrax.RESULTS.successful, sol.stats["num_steps"]

    def adaptive(rho):
        sol = diffrax.diffeqsolve(term, diffrax.Tsit5(), t0, t1, None, u0, rho, saveat=diffrax.SaveAt(t1=True),
                                  stepsize_controller=diffrax.PIDController(rtol=c.LORENZ_TOL, atol=c.LORENZ_TOL),
                                  max_steps=MAX_STEPS, throw=False)
        return sol.ys[-1], sol.result == diffrax.RESULTS.successful, sol.stats["num_steps"]

    cases = [("lorenz-tsit5-fixed-1e-3", jax.vmap(fixed)), ("lorenz-tsit5-adaptive-1e-8", jax.vmap(adaptive))]
    stopped = set()
    for n in c.lorenz_sizes(max_log):
        rho = jnp.asarray(c.lorenz_rho(n), f32)
        for case, fn in cases:
            if case in stopped:
                continue
            median = measure(case, n, "f32", fn, (rho,), runs, lambda value: _stats(jnp, value[1], value[2]))
            if median is None or median > c.GROWTH_LIMIT_S:
                stopped.add(case)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
