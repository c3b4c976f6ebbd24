package io.github.odec.emit.cuda;

/**
 * Helpers every generated CUDA source starts with. They need no header, so the same text builds
 * with NVRTC (no standard library), with nvcc for the device, and with nvcc's host compiler.
 */
final class CudaPreamble {

    private CudaPreamble() {}

    static final String TEXT = """
            #ifndef ODEC_PREAMBLE
            #define ODEC_PREAMBLE
            // NaN and infinity computed at run time rather than taken from <math.h>, which NVRTC lacks.
            __host__ __device__ inline double odec_nan() { double z = 0.0; return z / z; }
            __host__ __device__ inline float odec_nanf() { float z = 0.0f; return z / z; }
            __host__ __device__ inline double odec_inf() { double z = 0.0; return 1.0 / z; }
            __host__ __device__ inline float odec_inff() { float z = 0.0f; return 1.0f / z; }
            // x - x is 0 for finite x and NaN for infinities and NaN (exact without fast-math).
            __host__ __device__ inline bool odec_isfinite(double x) { return x - x == 0.0; }
            __host__ __device__ inline bool odec_isfinite(float x) { return x - x == 0.0f; }
            // Java's Math.min, max and signum (NaN wins, -0 below +0), so both backends agree bit for bit.
            __host__ __device__ inline double odec_min(double a, double b) {
                if (a != a) return a;
                if (a == 0.0 && b == 0.0 && 1.0 / b < 0.0) return b;
                return a <= b ? a : b;
            }
            __host__ __device__ inline float odec_min(float a, float b) {
                if (a != a) return a;
                if (a == 0.0f && b == 0.0f && 1.0f / b < 0.0f) return b;
                return a <= b ? a : b;
            }
            __host__ __device__ inline double odec_max(double a, double b) {
                if (a != a) return a;
                if (a == 0.0 && b == 0.0 && 1.0 / a < 0.0) return b;
                return a >= b ? a : b;
            }
            __host__ __device__ inline float odec_max(float a, float b) {
                if (a != a) return a;
                if (a == 0.0f && b == 0.0f && 1.0f / a < 0.0f) return b;
                return a >= b ? a : b;
            }
            __host__ __device__ inline double odec_sign(double x) { return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : x; }
            __host__ __device__ inline float odec_sign(float x) { return x > 0.0f ? 1.0f : x < 0.0f ? -1.0f : x; }
            #endif
            """;
}
