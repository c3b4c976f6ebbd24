#!/usr/bin/env python3
"""Reference solutions of the classic stiff problems, and scipy's work on them.

Writes codegen/src/test/resources/stiff/references.csv (problem,t,component,value), computed with
scipy's Radau at rtol 1e-13 (1e-10 for Van der Pol at mu = 1e6; atol per problem) and checked here against the published reference
values of Hairer's and Mazzia's test set where those exist, and stiff/scipy-work.csv (problem,method,
rtol,atol,nfev,njev,nlu,max_rel_error): what solve_ivp's Radau, BDF and LSODA spend at the
tolerances the odec docs compare against. Run from the repository root:

    python3 scripts/stiff_references.py

Needs Debian's python3-numpy and python3-scipy; exits 0 with a message when they are missing.
"""
import csv
import os
import sys

try:
    import numpy as np
    from scipy.integrate import solve_ivp
except ImportError:
    print("stiff_references.py: needs python3-numpy and python3-scipy (apt-get install python3-scipy)")
    sys.exit(0)


def robertson(t, y):
    y1, y2, y3 = y
    return [-0.04 * y1 + 1e4 * y2 * y3, 0.04 * y1 - 1e4 * y2 * y3 - 3e7 * y2 * y2, 3e7 * y2 * y2]


def robertson_jac(t, y):
    y1, y2, y3 = y
    return [[-0.04, 1e4 * y3, 1e4 * y2], [0.04, -1e4 * y3 - 6e7 * y2, -1e4 * y2], [0, 6e7 * y2, 0]]


def vdp(mu):
    """Van der Pol in Hairer's scaled time (t = t_original / mu): y2' = ((1 - y1^2) y2 - y1) / eps, eps = 1/mu^2."""
    eps = 1.0 / (mu * mu)

    def f(t, y):
        return [y[1], ((1 - y[0] ** 2) * y[1] - y[0]) / eps]

    def jac(t, y):
        return [[0, 1], [(-2 * y[0] * y[1] - 1) / eps, (1 - y[0] ** 2) / eps]]

    return f, jac


def hires(t, y):
    y1, y2, y3, y4, y5, y6, y7, y8 = y
    return [
        -1.71 * y1 + 0.43 * y2 + 8.32 * y3 + 0.0007,
        1.71 * y1 - 8.75 * y2,
        -10.03 * y3 + 0.43 * y4 + 0.035 * y5,
        8.32 * y2 + 1.71 * y3 - 1.12 * y4,
        -1.745 * y5 + 0.43 * y6 + 0.43 * y7,
        -280.0 * y6 * y8 + 0.69 * y4 + 1.71 * y5 - 0.43 * y6 + 0.69 * y7,
        280.0 * y6 * y8 - 1.81 * y7,
        -280.0 * y6 * y8 + 1.81 * y7,
    ]


def orego(t, y):
    y1, y2, y3 = y
    return [77.27 * (y2 + y1 * (1 - 8.375e-6 * y1 - y2)), (y3 - (1 + y1) * y2) / 77.27, 0.161 * (y1 - y3)]


# name: (f, jac, y0, times, atol); the published values are from the test set for IVP solvers
# (Mazzia & Magherini, Bari) and Hairer & Wanner II, section IV.10.
PROBLEMS = {
    "robertson": (robertson, robertson_jac, [1.0, 0.0, 0.0], [40.0, 1e5, 1e11], 1e-20),
    "vdp1e3": (*vdp(1e3), [2.0, 0.0], [2.0], 1e-12),
    "vdp1e6": (*vdp(1e6), [2.0, 0.0], [2.0], 1e-10),
    "hires": (hires, None, [1, 0, 0, 0, 0, 0, 0, 0.0057], [321.8122], 1e-16),
    "orego": (orego, None, [1.0, 2.0, 3.0], [360.0], 1e-12),
}

PUBLISHED = {
    ("robertson", 40.0): [0.7158270687193267, 9.185534764557e-6, 0.2841637457460413],
    ("robertson", 1e11): [2.083340149701e-8, 8.333360770334e-14, 0.9999999791665050],
    ("vdp1e3", 2.0): [1.706167732170483, -0.8928097010247975],
    ("hires", 321.8122): [7.371312573325668e-4, 1.442485726316185e-4, 5.888729740967575e-5, 1.175651343283149e-3,
                          2.386356198831331e-3, 6.238968252742796e-3, 2.849998395185769e-3, 2.850001604814231e-3],
    ("orego", 360.0): [1.000814870318523, 1228.178521549917, 132.0554942846706],
}


def reference(name):
    f, jac, y0, times, atol = PROBLEMS[name]
    rtol = 1e-10 if name == "vdp1e6" else 1e-13  # at eps = 1e-12 tighter ones fall below the spacing of t
    sol = solve_ivp(f, (0.0, times[-1]), y0, method="Radau", jac=jac, rtol=rtol, atol=atol, t_eval=times)
    assert sol.success, (name, sol.message)
    return sol.y.T


def work(name, method, rtol, atol, refs):
    f, jac, y0, times, _ = PROBLEMS[name]
    kwargs = {} if method == "LSODA" and jac is None else {"jac": jac} if jac is not None else {}
    sol = solve_ivp(f, (0.0, times[-1]), y0, method=method, rtol=rtol, atol=atol, t_eval=times, **kwargs)
    tolerances = [name, method, f"{rtol:g}", f"{atol:g}"]
    if not sol.success:
        return tolerances + [sol.nfev, sol.njev, sol.nlu, "failed"]
    ref = refs[-1]
    error = np.max(np.abs(sol.y.T[-1] - ref) / np.maximum(np.abs(ref), atol / rtol))
    return tolerances + [sol.nfev, sol.njev, sol.nlu, f"{error:.3e}"]


def main():
    out = os.path.join("codegen", "src", "test", "resources", "stiff")
    os.makedirs(out, exist_ok=True)
    refs = {}
    with open(os.path.join(out, "references.csv"), "w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["problem", "t", "component", "value"])
        for name in PROBLEMS:
            values = reference(name)
            refs[name] = values
            for t, row in zip(PROBLEMS[name][3], values):
                published = PUBLISHED.get((name, t))
                if published is not None:
                    scale = np.maximum(np.abs(published), 1e-300)
                    rel = np.max(np.abs(row - published) / scale)
                    print(f"{name} t={t:g}: Radau 1e-13 against the published values: max relative {rel:.2e}")
                for k, v in enumerate(row):
                    writer.writerow([name, repr(t), k, repr(float(v))])
    with open(os.path.join(out, "scipy-work.csv"), "w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["problem", "method", "rtol", "atol", "nfev", "njev", "nlu", "max_rel_error"])
        for name in PROBLEMS:
            for method in ("Radau", "BDF", "LSODA"):
                for rtol in (1e-4, 1e-6, 1e-8):
                    atol = 1e-14 if name in ("robertson", "hires") else rtol * 1e-2
                    writer.writerow(work(name, method, rtol, atol, refs[name]))
    print("wrote", out)


if __name__ == "__main__":
    main()
