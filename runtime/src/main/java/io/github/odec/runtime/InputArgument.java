package io.github.odec.runtime;

/**
 * The argument of the API that an {@link InputProblem} is about. A front end names it its own way
 * (the command line as {@code --max-steps}, where the API says {@code maxSteps}) by rendering the
 * problem with its own names, instead of rewriting message text.
 */
public enum InputArgument {
    Y0("y0"),
    PARAM("param"),
    SPAN("span"),
    T0("t0"),
    T1("t1"),
    EVAL_TIMES("evalTimes"),
    ATOL("atol"),
    RTOL("rtol"),
    METHOD("method"),
    CONTROLLER("controller"),
    CONTROLLER_COEFFICIENTS("controller coefficients"),
    DT0("dt0"),
    DT_MIN("dtMin"),
    DT_MAX("dtMax"),
    MAX_STEPS("maxSteps"),
    THREADS("threads");

    private final String apiName;

    InputArgument(String apiName) {
        this.apiName = apiName;
    }

    /** The name the Java API gives it: the setter or record component. */
    public String apiName() {
        return apiName;
    }
}
