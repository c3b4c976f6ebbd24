package io.github.odec.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** What the figures were measured on: cores, OS, JDK, and the load when the run started. */
final class Machine {

    private Machine() {}

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "machine: %d cores, %s %s %s, Java %s (%s %s), max heap %d MiB, load average %s",
                rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("java.vm.name"), rt.maxMemory() >> 20,
                load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load));
    }
}
