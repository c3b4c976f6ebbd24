package io.github.odec.maven;

import io.github.odec.check.Frontend;
import io.github.odec.pipeline.ProjectGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/** The odec version this plugin was built as (a filtered resource), and what the stamp calls the generator. */
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

    /**
     * The version, and for a SNAPSHOT also a hash of the plugin's, the generator's and the checker's jars:
     * a rebuilt snapshot keeps its version but may generate different code, so its output must not be
     * taken as up to date.
     */
    public static String generatorIdentity() throws IOException {
        String version = get();
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        Set<Path> jars = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {OdecVersion.class, ProjectGenerator.class, Frontend.class}) {
            jarOf(c).ifPresent(jars::add);
        }
        MessageDigest sha = sha256();
        for (Path jar : jars) {
            sha.update(Files.readAllBytes(jar));
        }
        return version + "+" + HexFormat.of().formatHex(sha.digest());
    }

    /** Empty when the class comes from a directory (a build's own classes), which has no single file to hash. */
    private static java.util.Optional<Path> jarOf(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null) {
            return java.util.Optional.empty();
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
