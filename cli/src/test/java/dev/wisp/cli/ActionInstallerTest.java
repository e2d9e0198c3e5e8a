package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Action's installer (action/install.sh) against a release folder given as a file:// URL: the archive is
 * checked against SHA256SUMS, a cached installation is used as it is, and what does not fit is refused, clearly.
 * (scripts/release-check.sh runs it with the real archives.)
 */
@DisabledOnOs(OS.WINDOWS)
class ActionInstallerTest {
    private static final Path INSTALLER = Path.of("../action/install.sh").toAbsolutePath();
    private static final String VERSION = "1.2.3";

    @TempDir
    Path tmp;
    Path release;

    record Result(int exit, String out) {
    }

    /** A release folder: both archive names (the runner's platform picks one), each a bin/wisp that says hello. */
    @BeforeEach
    void release() throws IOException, InterruptedException {
        Path top = Files.createDirectories(tmp.resolve("build/wisp-" + VERSION + "/bin"));
        Files.writeString(top.resolve("wisp"), "#!/bin/sh\necho \"wisp " + VERSION + " (commit test)\"\n");
        Files.setPosixFilePermissions(top.resolve("wisp"), PosixFilePermissions.fromString("rwxr-xr-x"));
        release = Files.createDirectories(tmp.resolve("release"));
        StringBuilder sums = new StringBuilder();
        for (String name : List.of("wisp-" + VERSION + ".tar.gz", "wisp-" + VERSION + "-linux-x64.tar.gz")) {
            Path archive = release.resolve(name);
            assertEquals(0, run(Map.of(), "tar", "-czf", archive.toString(), "-C", tmp.resolve("build").toString(),
                    "wisp-" + VERSION).exit());
            sums.append(sha256(archive)).append("  ").append(name).append('\n');
        }
        Files.writeString(release.resolve("SHA256SUMS"), sums);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("WISP_") || k.startsWith("GITHUB_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Result install(Map<String, String> more) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of("WISP_DIR", tmp.resolve("cache/wisp").toString(),
                "RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner")).toString()));
        env.putAll(more);
        return run(env, "bash", INSTALLER.toString());
    }

    @Test
    void downloadsChecksCachesAndPutsBinOnThePath() throws IOException, InterruptedException {
        Path githubPath = Files.createFile(tmp.resolve("github_path"));
        Result r = install(Map.of("WISP_ACTION_REF", "v" + VERSION, "WISP_BASE_URL", release.toUri().toString(),
                "GITHUB_PATH", githubPath.toString()));
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().endsWith("wisp 1.2.3 (commit test)\n"), "the version comes from the Action's tag: " + r.out());
        assertEquals(tmp.resolve("cache/wisp/bin") + "\n", Files.readString(githubPath));

        Result cached = install(Map.of("WISP_VERSION", VERSION, "WISP_BASE_URL", "file:///nonexistent/"));
        assertEquals(0, cached.exit(), cached.out());
        assertTrue(cached.out().contains("using the cached installation"), cached.out());
    }

    @Test
    void refusesAnArchiveThatDoesNotMatchTheReleasesSums() throws IOException, InterruptedException {
        String sums = Files.readString(release.resolve("SHA256SUMS"));
        Files.writeString(release.resolve("SHA256SUMS"), sums.replaceAll("(?m)^[0-9a-f]{64}", "0".repeat(64)));
        Result r = install(Map.of("WISP_VERSION", VERSION, "WISP_BASE_URL", release.toUri().toString()));
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("::error title=wisp action::wisp-1.2.3"), r.out());
        assertTrue(r.out().contains("does not match the release's SHA256SUMS"), r.out());
        assertFalse(Files.exists(tmp.resolve("cache/wisp")), "nothing is installed");
    }

    @Test
    void saysWhatIsWrongWithTheVersionOrTheArchive() throws IOException, InterruptedException {
        Result branch = install(Map.of("WISP_ACTION_REF", "main", "WISP_REPOSITORY", "o/r"));
        assertEquals(1, branch.exit());
        assertTrue(branch.out().contains("no version to install: set 'with: version: X.Y.Z' (the Action's ref 'main' is "
                + "not a release tag vX.Y.Z)"), branch.out());
        Result missing = install(Map.of("WISP_VERSION", "9.9.9", "WISP_BASE_URL", release.toUri().toString()));
        assertEquals(1, missing.exit());
        assertTrue(missing.out().contains("cannot download") && missing.out().contains("is there a release v9.9.9?"),
                missing.out());
        Result glob = install(Map.of("WISP_ARCHIVE", release + "/wisp-*.tar.gz"));
        assertEquals(1, glob.exit());
        assertTrue(glob.out().contains("must name one file"), glob.out());
        Result local = install(Map.of("WISP_ARCHIVE", release + "/wisp-" + VERSION + ".tar.g[z]"));
        assertEquals(0, local.exit(), local.out());
        assertTrue(local.out().endsWith("wisp 1.2.3 (commit test)\n"), local.out());
    }
}
