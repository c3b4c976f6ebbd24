#!/usr/bin/env bash
# Writes bench/generated/robertson-params-N.csv: N Robertson instances whose rate constants k1, k2, k3
# are each varied by a factor in [0.5, 1.5] (a fixed-seed uniform draw), for the stiff benchmark.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p generated
for n in "$@"; do
  awk -v n="$n" 'BEGIN {
    srand(20261202); print "k1,k2,k3";
    for (i = 0; i < n; i++) printf "%.17g,%.17g,%.17g\n", 0.04 * (0.5 + rand()), 3e7 * (0.5 + rand()), 1e4 * (0.5 + rand());
  }' > "generated/robertson-params-$n.csv"
  echo "wrote bench/generated/robertson-params-$n.csv"
done
