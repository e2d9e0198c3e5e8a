package dev.wisp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and commit this jar was built from, as the build wrote them in {@code build.properties}: the
 * version is the POM's, the commit is {@code unknown} when the build had no git checkout (a source archive).
 *
 * @param version the Maven project version, e.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}
 * @param commit  the abbreviated commit id, with {@code -dirty} when the checkout had changes; or {@code unknown}
 */
record BuildInfo(String version, String commit) {
    static final String RESOURCE = "/dev/wisp/cli/build.properties";
    static final BuildInfo CURRENT = load();

    BuildInfo {
        version = known(version);
        commit = known(commit);
    }

    /** A property the build did not fill in stays {@code ${...}} in the file: that is not a value. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.strip();
    }

    private static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar: it was not built by Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return new BuildInfo(p.getProperty("version"), p.getProperty("commit"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version without {@code -SNAPSHOT}: the release a development build leads to. */
    String releaseVersion() {
        return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length()) : version;
    }
}
