/*
 * A stand-in for libnvrtc with the same C signatures, for testing odec's java.lang.foreign binding on
 * machines that have nvcc but no NVRTC library (NVRTC ships with the CUDA toolkit's GPU parts).
 * Each compile runs `nvcc -ptx`; the log and the PTX come back through the same calls NVRTC offers.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct { char* src; char* name; char* ptx; char* log; } program;

static char* slurp(const char* path)
{
    FILE* f = fopen(path, "rb");
    if (f == NULL) return strdup("");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char* s = calloc((size_t) n + 1, 1);
    if (n > 0 && fread(s, 1, (size_t) n, f) != (size_t) n) s[0] = 0;
    fclose(f);
    return s;
}

int nvrtcVersion(int* major, int* minor) { *major = 99; *minor = 0; return 0; }

int nvrtcCreateProgram(program** prog, const char* src, const char* name, int numHeaders,
                       const char* const* headers, const char* const* includeNames)
{
    (void) numHeaders; (void) headers; (void) includeNames;
    program* p = calloc(1, sizeof(program));
    p->src = strdup(src);
    p->name = strdup(name == NULL ? "default_program" : name);
    *prog = p;
    return 0;
}

int nvrtcCompileProgram(program* p, int numOptions, const char* const* options)
{
    char dir[] = "/tmp/odec-fake-nvrtc-XXXXXX";
    if (mkdtemp(dir) == NULL) return 1;
    char path[512], cmd[4096];
    snprintf(path, sizeof path, "%s/%s", dir, p->name);
    FILE* f = fopen(path, "wb");
    fputs(p->src, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "cd %s && nvcc -ptx -o out.ptx", dir);
    for (int i = 0; i < numOptions; i++) {
        const char* o = options[i];
        if (strncmp(o, "--gpu-architecture=", 19) == 0) {
            strcat(cmd, " -arch=");
            strcat(cmd, o + 19);
        } else if (strncmp(o, "--fmad=", 7) == 0) {
            strcat(cmd, " ");
            strcat(cmd, o);
        }
    }
    strcat(cmd, " ");
    strcat(cmd, p->name);
    strcat(cmd, " > log.txt 2>&1");
    int rc = system(cmd);
    char file[600];
    snprintf(file, sizeof file, "%s/log.txt", dir);
    p->log = slurp(file);
    snprintf(file, sizeof file, "%s/out.ptx", dir);
    p->ptx = rc == 0 ? slurp(file) : strdup("");
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) { /* a leftover temporary folder is harmless */ }
    return rc == 0 ? 0 : 6; /* NVRTC_ERROR_COMPILATION */
}

int nvrtcGetProgramLogSize(program* p, size_t* size) { *size = strlen(p->log) + 1; return 0; }
int nvrtcGetProgramLog(program* p, char* log) { strcpy(log, p->log); return 0; }
int nvrtcGetPTXSize(program* p, size_t* size) { *size = strlen(p->ptx) + 1; return 0; }
int nvrtcGetPTX(program* p, char* ptx) { strcpy(ptx, p->ptx); return 0; }

int nvrtcDestroyProgram(program** prog)
{
    program* p = *prog;
    free(p->src); free(p->name); free(p->ptx); free(p->log); free(p);
    *prog = NULL;
    return 0;
}
