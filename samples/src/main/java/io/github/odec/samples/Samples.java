package io.github.odec.samples;

/** Runs both samples: `./mvnw -q -f samples/pom.xml compile exec:java`. */
public final class Samples {

    private Samples() {
    }

    public static void main(String[] args) {
        SirSweep.main(args);
        System.out.println();
        VanDerPolBatch.main(args);
    }
}
