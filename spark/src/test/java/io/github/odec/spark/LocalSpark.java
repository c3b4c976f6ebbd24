package io.github.odec.spark;

import org.apache.spark.sql.SparkSession;

/** One small local session for a test class: two cores, no UI, few shuffle partitions, quiet. */
final class LocalSpark {

    private LocalSpark() {}

    static SparkSession start(String name) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
