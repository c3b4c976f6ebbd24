#!/usr/bin/env python3
"""scipy's side of the stiff benchmark: the same instances as `odec bench`, solved one by one.

    python3 bench/scipy_stiff.py robertson bench/generated/robertson-params-10000.csv --t1 1e5 --rtol 1e-6 --atol 1e-10
    python3 bench/scipy_stiff.py vdp bench/generated/vdp-mu-1000.csv --t1 2 --rtol 1e-6 --atol 1e-8

The CSV has one row per instance with the parameters as columns (robertson: k1,k2,k3; vdp: mu, in Hairer's
scaled time, y2' = ((1 - y1^2) y2 - y1) mu^2). For each of Radau and LSODA (analytic Jacobian for both)
it prints one line: method, instances, total wall ms, ms per instance, mean nfev, njev, nlu, and the
largest relative error of the final state against Radau at rtol 1e-12 (computed first, for up to
--reference instances, untimed). Needs Debian's python3-numpy and python3-scipy; exits 0 with a
message when they are missing.
"""
import argparse
import csv
import sys
import time

try:
    import numpy as np
    from scipy.integrate import solve_ivp
except ImportError:
    print("scipy_stiff.py: needs python3-numpy and python3-scipy (apt-get install python3-scipy)")
    sys.exit(0)


def robertson(k1, k2, k3):
    def f(t, y):
        return [-k1 * y[0] + k3 * y[1] * y[2], k1 * y[0] - k3 * y[1] * y[2] - k2 * y[1] ** 2, k2 * y[1] ** 2]

    def jac(t, y):
        return [[-k1, k3 * y[2], k3 * y[1]], [k1, -k3 * y[2] - 2 * k2 * y[1], -k3 * y[1]], [0, 2 * k2 * y[1], 0]]

    return f, jac, [1.0, 0.0, 0.0]


def vdp(mu):
    inv_eps = mu * mu

    def f(t, y):
        return [y[1], ((1 - y[0] ** 2) * y[1] - y[0]) * inv_eps]

    def jac(t, y):
        return [[0, 1], [(-2 * y[0] * y[1] - 1) * inv_eps, (1 - y[0] ** 2) * inv_eps]]

    return f, jac, [2.0, 0.0]


PROBLEMS = {"robertson": (robertson, ("k1", "k2", "k3")), "vdp": (vdp, ("mu",))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("problem", choices=PROBLEMS)
    parser.add_argument("params")
    parser.add_argument("--t1", type=float, required=True)
    parser.add_argument("--rtol", type=float, default=1e-6)
    parser.add_argument("--atol", type=float, default=1e-10)
    parser.add_argument("--limit", type=int, default=0, help="solve only the first N instances")
    parser.add_argument("--reference", type=int, default=200, help="instances checked against the reference")
    args = parser.parse_args()
    make, names = PROBLEMS[args.problem]
    with open(args.params) as file:
        rows = [[float(r[n]) for n in names] for r in csv.DictReader(file)]
    if args.limit:
        rows = rows[: args.limit]
    checked = rows[: args.reference]
    reference = []
    for p in checked:
        f, jac, y0 = make(*p)
        sol = solve_ivp(f, (0, args.t1), y0, method="Radau", jac=jac, rtol=1e-12, atol=args.atol * 1e-4)
        reference.append(sol.y[:, -1])
    print("method,instances,total_ms,ms_per_instance,nfev_mean,njev_mean,nlu_mean,max_rel_error")
    for method in ("Radau", "LSODA"):
        nfev = njev = nlu = 0
        finals = []
        start = time.perf_counter()
        for p in rows:
            f, jac, y0 = make(*p)
            sol = solve_ivp(f, (0, args.t1), y0, method=method, jac=jac, rtol=args.rtol, atol=args.atol)
            nfev += sol.nfev
            njev += sol.njev
            nlu += sol.nlu
            finals.append(sol.y[:, -1])
        ms = (time.perf_counter() - start) * 1e3
        errors = [np.max(np.abs(y - r) / np.maximum(np.abs(r), args.atol / args.rtol)) for y, r in zip(finals, reference)]
        n = len(rows)
        print(f"{method},{n},{ms:.1f},{ms / n:.3f},{nfev / n:.1f},{njev / n:.1f},{nlu / n:.1f},{max(errors):.3e}")


if __name__ == "__main__":
    main()
