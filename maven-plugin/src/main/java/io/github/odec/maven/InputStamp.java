package io.github.odec.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over everything the output depends on: the odec version, the settings, where the output
 * goes, and each input's
 * name and bytes. Equal stamps mean the generated sources on disk are already what a run would write.
 */
public final class InputStamp {

    private InputStamp() {
    }

    public static String of(String odecVersion, GenerationSettings settings, Path outputDirectory, List<OdeSource> sources)
            throws IOException {
        MessageDigest sha = sha256();
        update(sha, "odec=" + odecVersion + "\n" + settings.fingerprint()
                + "output=" + outputDirectory.toAbsolutePath().normalize() + "\n");
        for (OdeSource s : sources) {
            update(sha, "file=" + s.displayName() + "\n");
            byte[] content = Files.readAllBytes(s.file());
            update(sha, "length=" + content.length + "\n");  // so that file boundaries cannot shift
            sha.update(content);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether {@code stampFile} holds {@code stamp}; false when it is missing or unreadable. */
    public static boolean matches(Path stampFile, String stamp) {
        try {
            return Files.isRegularFile(stampFile) && Files.readString(stampFile, StandardCharsets.UTF_8).strip().equals(stamp);
        } catch (IOException e) {
            return false;
        }
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
