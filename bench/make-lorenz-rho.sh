#!/usr/bin/env bash
# Writes bench/generated/lorenz-rho-N.csv: one column rho = linspace(0, 21, N) (N rows, both ends included),
# the DiffEqGPU Lorenz ensemble's parameter sweep. Other inputs come from samples/lorenz.ode's defaults:
# u0 = (1, 0, 0), sigma = 10, beta = 8/3. Usage: bench/make-lorenz-rho.sh N [N ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/bench/generated"
for n in "$@"; do
  awk -v n="$n" 'BEGIN { print "rho"; for (i = 0; i < n; i++) printf "%.17g\n", (n == 1 ? 0 : 21 * i / (n - 1)) }' \
    > "$root/bench/generated/lorenz-rho-$n.csv"
done
