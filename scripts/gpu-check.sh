#!/usr/bin/env bash
# The GPU check of the CUDA backend (issue 4). Two steps, on two machines:
#
#   scripts/gpu-check.sh pack            # here (JDK 25, Maven): build, collect jars and a small JRE in .device/
#   scripts/gpu-check.sh run [MAXLOG]    # on the GPU machine (no JDK, no network), from the checkout root;
#                                        # writes gpu-check.log, gpu-table.md (and the CSVs, logs, nvrtc.txt)
#                                        # to $OUT, or to .device/out
#
# "run" checks the CUDA backend against the Java backend on sample batches, then times two cases with odec
# (CUDA, and the CPU backend for reference), torchdiffeq and diffrax (scripts/gpu/*_bench.py) in the same run:
# the DiffEqGPU Lorenz ensemble (f32, tsit5, fixed dt = 0.001 and adaptive atol = rtol = 1e-8, end state only,
# N = 2^10 .. 2^MAXLOG, default 23) and torchode's Van der Pol batch (256 instances, dopri5 at 1e-5, 200
# evaluation times, f64 and f32). scripts/gpu/merge_table.py merges the rows into gpu-table.md.
# Time guard: each of the three parts runs under `timeout` (GUARD_* below, about 7.5 minutes in all at worst),
# and the python scripts stop starting new sizes once their own budget is spent. See docs/backends.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DEVICE=.device

pack() {
    export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
    grep -qx '/.device/' .git/info/exclude 2>/dev/null || echo '/.device/' >> "$(git rev-parse --git-path info/exclude)"
    rm -rf "$DEVICE" && mkdir -p "$DEVICE/lib"
    ./mvnw -q -B -pl codegen -am -DskipTests package dependency:build-classpath \
        -Dmdep.outputFile="$PWD/$DEVICE/classpath.txt" -Dmdep.includeScope=test
    tr ':' '\n' < "$DEVICE/classpath.txt" | while read -r jar; do
        [ -n "$jar" ] && cp "$jar" "$DEVICE/lib/"
    done
    # Only JCuda's driver binding is used; its NVPTX compiler binding alone is 24 MB (the carry limit is 64 MiB).
    for natives in "$DEVICE"/lib/jcuda-natives-*.jar; do
        zip -q -d "$natives" 'lib/libJNvPTXCompiler-*' 'lib/libJCudaRuntime-*' || true
    done
    cp codegen/target/odec-codegen-*.jar runtime/target/odec-runtime-*.jar grammar/target/odec-grammar-*.jar "$DEVICE/lib/"
    cp -r codegen/target/test-classes "$DEVICE/test-classes"
    "${PACK_JRE:-../shared/device/pack-jre.sh}" "$DEVICE"
    du -sh "$DEVICE"
}

# Seconds each part may take on the GPU machine (the device session has 15 minutes, start-up included):
# odec (agreement, Lorenz to 2^MAXLOG, VdP), then each python library: its own budget (no new size after
# it), and a hard limit a little above it. Rows are written as they are measured, so a cut keeps them.
GUARD_ODEC=120
BUDGET_TORCHDIFFEQ=110 GUARD_TORCHDIFFEQ=130
BUDGET_DIFFRAX=160 GUARD_DIFFRAX=190
PY_RUNS=3

run() {
    local out=${OUT:-$DEVICE/out} maxlog=${1:-23}
    mkdir -p "$out"
    local jre=${JRE_DIR:-/tmp/jre}  # where .device/jre.tgz unpacks (a JRE_DIR that exists is used as it is)
    if [ ! -x "$jre/bin/java" ]; then
        tar xzf "$DEVICE/jre.tgz" -C /tmp
    fi
    export JAVA_HOME=$jre PATH=$jre/bin:$PATH
    { ls /usr/local/cuda/lib64 2>/dev/null | grep nvrtc || true; { find / -name 'libnvrtc.so*' 2>/dev/null | head; } || true; nvidia-smi || true; } \
        > "$out/nvrtc.txt" 2>&1
    # NVRTC is found through CUDA_HOME, LD_LIBRARY_PATH and /usr/local/cuda/lib64; nvcc -ptx is the fallback.
    export CUDA_HOME=${CUDA_HOME:-/usr/local/cuda}
    export ODEC_CACHE_DIR=${ODEC_CACHE_DIR:-/tmp/odec-cache}
    set +e
    timeout "$GUARD_ODEC" java --enable-native-access=ALL-UNNAMED -Xss16m -Xmx48g \
        -cp "$DEVICE/test-classes:$DEVICE/lib/*" io.github.odec.gpu.GpuCheck "$maxlog" "$out/odec.csv" 2>&1 | tee "$out/gpu-check.log"
    local check=${PIPESTATUS[0]}
    echo "== torchdiffeq (budget ${BUDGET_TORCHDIFFEQ} s)"
    timeout "$GUARD_TORCHDIFFEQ" python3 scripts/gpu/torchdiffeq_bench.py "$maxlog" "$BUDGET_TORCHDIFFEQ" "$PY_RUNS" \
        > "$out/torchdiffeq.csv" 2> "$out/torchdiffeq.log"
    local torch=$?
    echo "== diffrax (budget ${BUDGET_DIFFRAX} s)"
    timeout "$GUARD_DIFFRAX" python3 scripts/gpu/diffrax_bench.py "$maxlog" "$BUDGET_DIFFRAX" "$PY_RUNS" \
        > "$out/diffrax.csv" 2> "$out/diffrax.log"
    local jax=$?
    python3 scripts/gpu/merge_table.py "$out/odec.csv" "$out/torchdiffeq.csv" "$out/diffrax.csv" > "$out/gpu-table.md"
    {
        [ "$check" = 124 ] && echo "- odec: stopped by the time guard after ${GUARD_ODEC} s"
        [ "$torch" = 124 ] && echo "- torchdiffeq: stopped by the time guard after ${GUARD_TORCHDIFFEQ} s"
        [ "$jax" = 124 ] && echo "- diffrax: stopped by the time guard after ${GUARD_DIFFRAX} s"
        [ "$torch" != 0 ] && [ "$torch" != 124 ] && echo "- torchdiffeq_bench.py exited with $torch (see torchdiffeq.log)"
        [ "$jax" != 0 ] && [ "$jax" != 124 ] && echo "- diffrax_bench.py exited with $jax (see diffrax.log)"
        true
    } >> "$out/gpu-table.md"
    cat "$out/gpu-table.md"
    set -e
    return "$check"
}

case "${1:-}" in
    pack) pack ;;
    run) shift; run "$@" ;;
    *) echo "usage: $0 pack | run [MAXLOG]" >&2; exit 2 ;;
esac
