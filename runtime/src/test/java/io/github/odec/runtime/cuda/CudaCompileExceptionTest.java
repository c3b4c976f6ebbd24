package io.github.odec.runtime.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CudaCompileExceptionTest {

    @Test
    void eachDiagnosticIsFollowedByTheGeneratedLineItPointsAt() {
        String source = "__global__ void k()\n{\n    float x = undefined_name;\n}\n";
        String log = "kernel.cu(3): error: identifier \"undefined_name\" is undefined\n1 error detected";
        assertEquals("""
                kernel.cu(3): error: identifier "undefined_name" is undefined
                    generated line 3: float x = undefined_name;
                1 error detected
                """, CudaCompileException.annotate(log, source));
    }
}
