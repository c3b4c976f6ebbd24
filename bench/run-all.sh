#!/usr/bin/env bash
# Reproduces every table in BENCHMARKS.md; each case's output goes to bench/generated/<case>.txt and stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p bench/generated
T=7.629874479674498

# torchode's Van der Pol batch (f64 and f32; odec scalar and SIMD on 1 and 2 threads; Hipparchus DP54 sequential
# and parallel). --warmup 400: the SIMD method runs interpreted until C2 has compiled it.
./odec bench samples/vanderpol.ode --y0 bench/vdp-torchode-y0.csv --t1 $T --eval 200 --atol 1e-5 --rtol 1e-5 \
  --precision f64,f32 --threads 2 --compare hipparchus --simd --warmup 400 | tee bench/generated/vdp.txt
# The same batch without evaluation times (final state only): what dense output costs.
./odec bench samples/vanderpol.ode --y0 bench/vdp-torchode-y0.csv --t1 $T --atol 1e-5 --rtol 1e-5 \
  --threads 1 | tee bench/generated/vdp-final-only.txt

# Scalar against SIMD lanes (--simd), one thread: the table "Instances as SIMD lanes" in BENCHMARKS.md.
./odec bench samples/vanderpol.ode --y0 bench/vdp-torchode-y0.csv --t1 $T --eval 200 --atol 1e-5 --rtol 1e-5 \
  --precision f64,f32 --threads 1 --simd --warmup 300 | tee bench/generated/vdp-simd.txt
./odec bench samples/vanderpol.ode --y0 bench/vdp-torchode-y0.csv --t1 $T --atol 1e-5 --rtol 1e-5 \
  --threads 1 --simd --warmup 300 | tee bench/generated/vdp-final-only-simd.txt

# DiffEqGPU's Lorenz ensemble on the CPU: tsit5, fixed dt = 0.001 and adaptive 1e-8, end state only.
sizes="1024 4096 16384 65536"
bench/make-lorenz-rho.sh $sizes
for n in $sizes; do
  runs=$(( n >= 16384 ? 5 : 20 )); warmup=$(( n >= 16384 ? 3 : 20 ))
  ./odec bench samples/lorenz.ode --y0 bench/generated/lorenz-rho-$n.csv --t1 1 --method tsit5 --controller fixed \
    --dt0 0.001 --threads 2 --runs $runs --warmup $warmup | tee bench/generated/lorenz-fixed-$n.txt
  ./odec bench samples/lorenz.ode --y0 bench/generated/lorenz-rho-$n.csv --t1 1 --method tsit5 --atol 1e-8 --rtol 1e-8 \
    --threads 2 --runs $runs --warmup $warmup $([ "$n" = 1024 ] && echo --compare hipparchus) \
    | tee bench/generated/lorenz-adaptive-$n.txt
done
