package io.github.odec.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The odec version this plugin was built as (a filtered resource); part of the stamp. */
public final class OdecVersion {

    private OdecVersion() {
    }

    public static String get() {
        try (InputStream in = OdecVersion.class.getResourceAsStream("odec-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("odec-version.properties is missing from the plugin jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
