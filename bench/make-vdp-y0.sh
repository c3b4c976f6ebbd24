#!/usr/bin/env bash
# Writes bench/vdp-torchode-y0.csv: 256 initial states of the Van der Pol oscillator (mu = 2) on its limit
# cycle, evenly spaced in time over the first half of the cycle (the torchode paper's batch).
# 1. From (x, y) = (2, 0), integrate 20 periods (T = 7.629874479674498) at atol = rtol = 1e-12: the
#    transient decays (the cycle attracts strongly), leaving a point on the limit cycle.
# 2. From that point, sample the cycle at t_k = k (T/2) / 256, k = 0..255 (257 points to T/2, the last dropped).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
odec="$root/odec"
T=7.629874479674498
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$odec" solve "$root/samples/vanderpol.ode" --batch 1 --t1 "$(echo "20 * $T" | bc -l)" \
  --atol 1e-12 --rtol 1e-12 --max-steps 1000000 --out "$tmp/end.csv" 2>/dev/null
# end.csv: instance,t,x,y -> a y0 table with columns x,y
awk -F, 'NR == 1 { print "x,y"; next } { print $3 "," $4 }' "$tmp/end.csv" > "$tmp/start.csv"
"$odec" solve "$root/samples/vanderpol.ode" --y0 "$tmp/start.csv" --t1 "$(echo "$T / 2" | bc -l)" --eval 257 \
  --atol 1e-12 --rtol 1e-12 --out "$tmp/half.csv" 2>/dev/null
awk -F, 'NR == 1 { print "x,y"; next } NR <= 257 { print $3 "," $4 }' "$tmp/half.csv" > "$root/bench/vdp-torchode-y0.csv"
echo "wrote bench/vdp-torchode-y0.csv ($(($(wc -l < "$root/bench/vdp-torchode-y0.csv") - 1)) instances)" >&2
