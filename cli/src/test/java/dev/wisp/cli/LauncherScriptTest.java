package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release's bin/wisp (dist/src/bin/wisp) and the container's entrypoint, run by sh in an installation whose
 * "java" is a script that prints what it was given: which Java is chosen, what it is told, and the messages when
 * there is none or it is too old. (scripts/release-check.sh runs both with a real Java.)
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
    private static final Path LAUNCHER = Path.of("../dist/src/bin/wisp");
    private static final Path ENTRYPOINT = Path.of("../dist/src/docker/entrypoint.sh");

    @TempDir
    Path tmp;
    Path home;
    Path tools;

    record Result(int exit, String out) {
    }

    @BeforeEach
    void install() throws IOException {
        home = tmp.resolve("wisp-1.0.0");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(LAUNCHER, home.resolve("bin/wisp"));
        executable(home.resolve("bin/wisp"));
        Files.writeString(home.resolve("lib/wisp.jar"), "not really a jar");
        // a PATH with what the launcher needs and no java
        tools = Files.createDirectories(tmp.resolve("tools"));
        for (String t : List.of("sh", "dirname", "readlink", "sed", "id", "ls", "cksum", "cut", "mkdir", "mv",
                "rm")) {
            Path real = which(t);
            Files.createSymbolicLink(tools.resolve(t), real);
        }
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException(tool + " is not on PATH");
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A fake Java home: a release file with {@code version} (when not null) and a java that echoes its arguments. */
    private Path fakeJava(String name, String version, String versionOutput) throws IOException {
        Path jh = Files.createDirectories(tmp.resolve(name).resolve("bin")).getParent();
        if (version != null) {
            Files.writeString(jh.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        Files.writeString(jh.resolve("bin/java"), "#!/bin/sh\nif [ \"$1\" = -version ]; then echo '" + versionOutput
                + "' >&2; exit 0; fi\necho \"" + name + ":$*\"\n");
        executable(jh.resolve("bin/java"));
        return jh;
    }

    private Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", tools.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script finished");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Result wisp(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/wisp").toString()));
        command.addAll(List.of(args));
        return run(env, command.toArray(String[]::new));
    }

    @Test
    void runsTheJarOnJavaHomeWithItsOptionsAndTheArguments() throws IOException, InterruptedException {
        Path jh = fakeJava("jdk21", "21.0.2", "unused");
        Result r = wisp(Map.of("JAVA_HOME", jh.toString(), "WISP_JAVA_OPTS", "-Xmx64m -Dx=1"), "validate", "a b");
        assertEquals(0, r.exit(), r.out());
        assertEquals("jdk21:-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 "
                + "-XX:CompileThresholdScaling=0.25 -Xshare:auto -Xmx64m -Dx=1 -jar "
                + home.toRealPath().resolve("lib/wisp.jar") + " validate a b\n", r.out());
        Path jdk17 = fakeJava("jdk17", "17.0.9", "unused");
        assertTrue(wisp(Map.of("JAVA_HOME", jdk17.toString()), "validate", "a").out()
                .contains(" -XX:CompileThresholdScaling=0.25 -Xshare:auto -XX:-UseNotificationThread -jar "),
                "on Java 17 only (later Javas have no such option and would not start)");
        Result worker = wisp(Map.of("JAVA_HOME", jh.toString()), "worker", "--temporal", "h:7233");
        assertEquals("jdk21:-Xshare:auto -jar " + home.toRealPath().resolve("lib/wisp.jar")
                + " worker --temporal h:7233\n", worker.out(), "a long-lived worker keeps the JVM's own JIT and GC");
    }

    @Test
    void recordsTheClassesOfTheFirstCommandInTheUsersCacheAndMapsThemInAfterwards() throws IOException,
            InterruptedException {
        Path jh = fakeJava("jdk17", "17.0.9", "unused");
        // this java also writes the archive it is asked for at exit, as the JVM does
        Files.writeString(jh.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do case $a in "
                + "-XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\" ;; esac; done\necho \"java:$*\"\nexit 3\n");
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("JAVA_HOME", jh.toString(), "XDG_CACHE_HOME", cache.toString());
        assertFalse(wisp(env, "--version").out().contains("Archive"), "--version loads too little to record");
        Result first = wisp(env, "validate", "x.yaml");
        assertEquals(3, first.exit(), "the command's own exit code: " + first.out());
        assertTrue(first.out().contains("-XX:ArchiveClassesAtExit=" + cache.resolve("wisp")), first.out());
        List<Path> archives;
        try (var files = Files.list(cache.resolve("wisp"))) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().matches("wisp-[0-9]+-check\\.jsa"), archives.toString());
        Result second = wisp(env, "--version");
        assertTrue(second.out().contains("-XX:SharedArchiveFile=" + archives.get(0) + " -Xlog:cds*=off -jar"),
                second.out());
        assertTrue(wisp(env, "test", "x.yaml").out().contains("-XX:SharedArchiveFile=" + archives.get(0)),
                "a test maps the checks' archive in");
        // a run loads what a validate does not (the engine, the apps, their HTTP client): it records its own
        Result run = wisp(env, "run", "x.yaml");
        Path runArchive = cache.resolve("wisp").resolve(archives.get(0).getFileName().toString()
                .replace("-check.jsa", "-run.jsa"));
        assertTrue(run.out().contains("-XX:ArchiveClassesAtExit=" + runArchive + "."), run.out());
        assertTrue(Files.isRegularFile(runArchive), "the run's archive is kept");
        assertTrue(wisp(env, "resume", "r1").out().contains("-XX:SharedArchiveFile=" + runArchive + " "),
                "a resume maps the runs' archive in");
        assertTrue(wisp(env, "runs").out().contains("-XX:SharedArchiveFile=" + archives.get(0) + " "),
                "other commands map the checks' archive in");
        Files.writeString(home.resolve("lib/wisp.jar"), "another build of the jar");
        assertFalse(wisp(env, "--version").out().contains("SharedArchiveFile"), "a new jar needs a new archive");
        assertFalse(wisp(Map.of("JAVA_HOME", jh.toString(), "XDG_CACHE_HOME", cache.toString(), "WISP_CDS", "off"),
                "validate").out().contains("Archive"), "WISP_CDS=off");
    }

    @Test
    void preferTheRuntimeNextToItThenJavaHomeThenPath() throws IOException, InterruptedException {
        Path onPath = fakeJava("path-java", "17.0.1", "unused");
        Files.createSymbolicLink(tools.resolve("java"), onPath.resolve("bin/java"));
        assertTrue(wisp(Map.of(), "x").out().startsWith("path-java:"), "java on PATH, through a symbolic link");
        Path jh = fakeJava("home-java", "17", "unused");
        assertTrue(wisp(Map.of("JAVA_HOME", jh.toString()), "x").out().startsWith("home-java:"));
        Path bundled = fakeJava("runtime", "11", "unused");   // never checked: it came with this Wisp
        Files.move(bundled, home.resolve("runtime"));
        assertTrue(wisp(Map.of("JAVA_HOME", jh.toString()), "x").out().startsWith("runtime:"));
    }

    @Test
    void saysWhenThereIsNoJava() throws IOException, InterruptedException {
        Result r = wisp(Map.of(), "--version");
        assertEquals(2, r.exit());
        assertTrue(r.out().startsWith("wisp: no Java found: JAVA_HOME is not set and there is no java on PATH. Wisp "
                + "needs Java 17 or newer"), r.out());
        Result broken = wisp(Map.of("JAVA_HOME", tmp.resolve("gone").toString()), "--version");
        assertEquals(2, broken.exit());
        assertEquals("wisp: JAVA_HOME is " + tmp.resolve("gone") + ", but " + tmp.resolve("gone/bin/java") + " is not "
                + "there or not executable; set JAVA_HOME to a Java 17 (or newer) installation, or unset it to use "
                + "java from PATH\n", broken.out());
    }

    @Test
    void saysWhenJavaIsTooOldFromItsReleaseFileOrItsVersionOutput() throws IOException, InterruptedException {
        Path java11 = fakeJava("jdk11", "11.0.24", "unused");
        Result r = wisp(Map.of("JAVA_HOME", java11.toString()), "--version");
        assertEquals(2, r.exit());
        assertEquals("wisp: Wisp needs Java 17 or newer, and " + java11.resolve("bin/java") + " (from JAVA_HOME) is "
                + "Java 11.0.24; set JAVA_HOME to a newer Java\n", r.out());
        Path java8 = fakeJava("jre8", null, "java version \"1.8.0_392\"");
        Result old = wisp(Map.of("JAVA_HOME", java8.toString()), "--version");
        assertEquals(2, old.exit());
        assertTrue(old.out().contains("is Java 1.8.0_392;"), old.out());
        Path ea = fakeJava("jdk-ea", null, "openjdk version \"26-ea\" 2026-03-17");
        assertTrue(wisp(Map.of("JAVA_HOME", ea.toString()), "x").out().startsWith("jdk-ea:"), "26-ea is new enough");
    }

    @Test
    void findsItsInstallationThroughASymbolicLink() throws IOException, InterruptedException {
        Path jh = fakeJava("jdk17", "17.0.15", "unused");
        Path link = Files.createSymbolicLink(tools.resolve("wisp"), home.resolve("bin/wisp"));
        Result r = run(Map.of("JAVA_HOME", jh.toString()), link.toString(), "--version");
        assertTrue(r.out().contains("-jar " + home.toRealPath().resolve("lib/wisp.jar") + " --version"), r.out());
        Files.delete(home.resolve("lib/wisp.jar"));
        Result missing = run(Map.of("JAVA_HOME", jh.toString()), link.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.out().contains("lib/wisp.jar is missing: unpack the whole archive"), missing.out());
    }

    @Test
    void theEntrypointRunsWispAndPrintsTheUsageWithoutArguments() throws IOException, InterruptedException {
        Path jh = fakeJava("jdk17", "17.0.15", "unused");
        Map<String, String> env = Map.of("WISP_HOME", home.toString(), "JAVA_HOME", jh.toString());
        Result r = run(env, ENTRYPOINT.toAbsolutePath().toString(), "test", "playbooks/");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().endsWith("wisp.jar test playbooks/\n"), r.out());
        assertTrue(run(env, ENTRYPOINT.toAbsolutePath().toString()).out().endsWith("wisp.jar --help\n"));
    }
}
