#!/usr/bin/env bash
# The GPU check of the CUDA backend (issue 4). Two steps, on two machines:
#
#   scripts/gpu-check.sh pack            # here (JDK 25, Maven): build, collect jars and a small JRE in .device/
#   scripts/gpu-check.sh run [MAXLOG]    # on the GPU machine (no JDK, no network), from the checkout root;
#                                        # writes gpu-check.log (and nvrtc.txt) to $OUT, or to .device/out
#
# "run" checks the CUDA backend against the Java backend on sample batches and times the DiffEqGPU
# Lorenz ensemble (f32, tsit5, fixed dt = 0.001 and adaptive atol = rtol = 1e-8, end state only,
# N = 2^10 .. 2^MAXLOG, default 23). See docs/backends.md.
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

run() {
    local out=${OUT:-$DEVICE/out}
    mkdir -p "$out"
    if [ ! -x /tmp/jre/bin/java ]; then
        tar xzf "$DEVICE/jre.tgz" -C /tmp
    fi
    export JAVA_HOME=/tmp/jre PATH=/tmp/jre/bin:$PATH
    { ls /usr/local/cuda/lib64 2>/dev/null | grep nvrtc || true; find / -name 'libnvrtc.so*' 2>/dev/null | head; nvidia-smi || true; } \
        > "$out/nvrtc.txt" 2>&1
    # NVRTC is found through CUDA_HOME, LD_LIBRARY_PATH and /usr/local/cuda/lib64; nvcc -ptx is the fallback.
    export CUDA_HOME=${CUDA_HOME:-/usr/local/cuda}
    export ODEC_CACHE_DIR=${ODEC_CACHE_DIR:-/tmp/odec-cache}
    java --enable-native-access=ALL-UNNAMED -Xss16m -Xmx48g \
        -cp "$DEVICE/test-classes:$DEVICE/lib/*" io.github.odec.gpu.GpuCheck "${1:-23}" 2>&1 | tee "$out/gpu-check.log"
}

case "${1:-}" in
    pack) pack ;;
    run) shift; run "$@" ;;
    *) echo "usage: $0 pack | run [MAXLOG]" >&2; exit 2 ;;
esac
