package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NVRTC through java.lang.foreign. JCuda's own NVRTC binding is linked against libnvrtc.so.12 and the
 * GPU machines have CUDA 13, so this binds whichever libnvrtc is installed (.so.13, .so.12, ...),
 * found in CUDA_HOME, CUDA_PATH, LD_LIBRARY_PATH, /usr/local/cuda and the system library folders.
 * Only the seven calls a compile needs are bound.
 */
public final class Nvrtc {

    private static final List<String> NAMES = List.of("libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so");
    private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;

    private final Path library;
    private final MethodHandle createProgram;
    private final MethodHandle compileProgram;
    private final MethodHandle getLogSize;
    private final MethodHandle getLog;
    private final MethodHandle getPtxSize;
    private final MethodHandle getPtx;
    private final MethodHandle destroyProgram;
    private final MethodHandle version;

    private Nvrtc(Path library, SymbolLookup lookup) {
        this.library = library;
        Linker linker = Linker.nativeLinker();
        ValueLayout.OfInt status = ValueLayout.JAVA_INT;
        ValueLayout ptr = ValueLayout.ADDRESS;
        createProgram = bind(linker, lookup, "nvrtcCreateProgram",
                FunctionDescriptor.of(status, ptr, ptr, ptr, ValueLayout.JAVA_INT, ptr, ptr));
        compileProgram = bind(linker, lookup, "nvrtcCompileProgram",
                FunctionDescriptor.of(status, ptr, ValueLayout.JAVA_INT, ptr));
        getLogSize = bind(linker, lookup, "nvrtcGetProgramLogSize", FunctionDescriptor.of(status, ptr, ptr));
        getLog = bind(linker, lookup, "nvrtcGetProgramLog", FunctionDescriptor.of(status, ptr, ptr));
        getPtxSize = bind(linker, lookup, "nvrtcGetPTXSize", FunctionDescriptor.of(status, ptr, ptr));
        getPtx = bind(linker, lookup, "nvrtcGetPTX", FunctionDescriptor.of(status, ptr, ptr));
        destroyProgram = bind(linker, lookup, "nvrtcDestroyProgram", FunctionDescriptor.of(status, ptr));
        version = bind(linker, lookup, "nvrtcVersion", FunctionDescriptor.of(status, ptr, ptr));
    }

    /** NVRTC on this machine, if a library is found and binds. */
    public static Optional<Nvrtc> find() {
        for (Path candidate : candidates()) {
            Optional<Nvrtc> loaded = load(candidate);
            if (loaded.isPresent()) {
                return loaded;
            }
        }
        return Optional.empty();
    }

    /** NVRTC from one library file; empty when it is missing, broken or lacks a symbol. */
    static Optional<Nvrtc> load(Path library) {
        if (!Files.isRegularFile(library)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Nvrtc(library, SymbolLookup.libraryLookup(library, Arena.global())));
        } catch (IllegalArgumentException | IllegalStateException | UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }

    /** Where the library is looked for, in order. */
    static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        for (String var : List.of("CUDA_HOME", "CUDA_PATH")) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                dirs.add(Path.of(v, "lib64"));
                dirs.add(Path.of(v, "lib"));
            }
        }
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(java.io.File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        dirs.add(Path.of("/usr/local/cuda/lib64"));
        dirs.add(Path.of("/usr/local/cuda/targets/x86_64-linux/lib"));
        dirs.add(Path.of("/usr/lib/x86_64-linux-gnu"));
        dirs.add(Path.of("/usr/lib64"));
        List<Path> out = new ArrayList<>();
        for (String name : NAMES) {
            for (Path d : dirs) {
                out.add(d.resolve(name));
            }
        }
        return out;
    }

    public Path library() {
        return library;
    }

    /** "major.minor" of the library, for cache keys and messages. */
    public String version() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment major = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment minor = arena.allocate(ValueLayout.JAVA_INT);
            check((int) version.invokeExact(major, minor), "nvrtcVersion");
            return major.get(ValueLayout.JAVA_INT, 0) + "." + minor.get(ValueLayout.JAVA_INT, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Compiles CUDA C++ to PTX.
     *
     * @throws CudaCompileException with the log and the generated lines it points at
     */
    public String compile(String source, String name, List<String> options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment progPtr = arena.allocate(ValueLayout.ADDRESS);
            check((int) createProgram.invokeExact(progPtr, arena.allocateFrom(source), arena.allocateFrom(name), 0,
                    MemorySegment.NULL, MemorySegment.NULL), "nvrtcCreateProgram");
            MemorySegment prog = progPtr.get(ValueLayout.ADDRESS, 0);
            try {
                MemorySegment opts = arena.allocate(ValueLayout.ADDRESS, Math.max(1, options.size()));
                for (int i = 0; i < options.size(); i++) {
                    opts.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(options.get(i)));
                }
                int result = (int) compileProgram.invokeExact(prog, options.size(), opts);
                if (result != 0) {
                    throw new CudaCompileException("NVRTC " + version(), log(arena, prog), source);
                }
                MemorySegment size = arena.allocate(SIZE_T);
                check((int) getPtxSize.invokeExact(prog, size), "nvrtcGetPTXSize");
                MemorySegment ptx = arena.allocate(size.get(SIZE_T, 0));
                check((int) getPtx.invokeExact(prog, ptx), "nvrtcGetPTX");
                return ptx.getString(0, StandardCharsets.UTF_8);
            } finally {
                int ignored = (int) destroyProgram.invokeExact(progPtr);
            }
        } catch (CudaCompileException | CudaUnavailableException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private String log(Arena arena, MemorySegment prog) throws Throwable {
        MemorySegment size = arena.allocate(SIZE_T);
        check((int) getLogSize.invokeExact(prog, size), "nvrtcGetProgramLogSize");
        MemorySegment log = arena.allocate(Math.max(1, size.get(SIZE_T, 0)));
        check((int) getLog.invokeExact(prog, log), "nvrtcGetProgramLog");
        return log.getString(0, StandardCharsets.UTF_8);
    }

    private void check(int result, String call) {
        if (result != 0) {
            throw new CudaUnavailableException(call + " in " + library + " failed with NVRTC status " + result);
        }
    }

    private static MethodHandle bind(Linker linker, SymbolLookup lookup, String symbol, FunctionDescriptor d) {
        MemorySegment address = lookup.find(symbol)
                .orElseThrow(() -> new IllegalArgumentException("no symbol " + symbol));
        return linker.downcallHandle(address, d);
    }

    private RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        return new CudaUnavailableException("calling NVRTC in " + library + " failed: " + t, t);
    }
}
