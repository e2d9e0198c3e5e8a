package dev.wisp.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars built at test time in a temporary directory. */
class PluginRegistryTest {
    @TempDir
    Path dir;

    private Path jar(String name, String... implementations) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.wisp.spi.App"));
            out.write((String.join("\n", implementations) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void loadsAppsFromPluginJars() throws IOException {
        jar("one.jar", JarApps.First.class.getName());
        PluginRegistry r = PluginRegistry.load(getClass().getClassLoader(), Optional.of(dir));
        assertEquals("1", r.app("dup").orElseThrow().spec().version());
        assertTrue(r.catalog().app("dup").isPresent());
    }

    @Test
    void twoAppsWithOneIdNameBothJars() throws IOException {
        Path a = jar("a.jar", JarApps.First.class.getName());
        Path b = jar("b.jar", JarApps.Second.class.getName());
        PluginRegistry.PluginException e = assertThrows(PluginRegistry.PluginException.class,
                () -> PluginRegistry.load(getClass().getClassLoader(), Optional.of(dir)));
        assertEquals("two plugins provide the app 'dup': " + a + " and " + b + "; remove one of them", e.getMessage());
    }

    @Test
    void aBrokenJarIsNamed() throws IOException {
        Path bad = jar("bad.jar", "com.example.Missing");
        PluginRegistry.PluginException e = assertThrows(PluginRegistry.PluginException.class,
                () -> PluginRegistry.load(getClass().getClassLoader(), Optional.of(dir)));
        assertTrue(e.getMessage().startsWith("cannot load a plugin from " + bad + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("com.example.Missing"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAJarIsNamedNotSkipped() throws IOException {
        jar("good.jar", JarApps.First.class.getName());
        Path corrupt = Files.writeString(dir.resolve("corrupt.jar"), "this is not a zip file\n");
        PluginRegistry.PluginException e = assertThrows(PluginRegistry.PluginException.class,
                () -> PluginRegistry.load(getClass().getClassLoader(), Optional.of(dir)));
        assertEquals("plugin " + corrupt + " is not a jar (zip END header not found); rebuild it or remove it from "
                + dir, e.getMessage());
    }

    @Test
    void anAppWhoseSpecThrowsIsNamed() throws IOException {
        Path broken = jar("broken.jar", JarApps.Broken.class.getName());
        PluginRegistry.PluginException e = assertThrows(PluginRegistry.PluginException.class,
                () -> PluginRegistry.load(getClass().getClassLoader(), Optional.of(dir)));
        assertEquals("cannot load a plugin from " + broken + ": spec exploded", e.getMessage());
    }

    @Test
    void aMissingPluginDirectoryIsAClearError() {
        PluginRegistry.PluginException e = assertThrows(PluginRegistry.PluginException.class,
                () -> PluginRegistry.load(getClass().getClassLoader(), Optional.of(dir.resolve("nope"))));
        assertEquals("plugin directory " + dir.resolve("nope") + " does not exist", e.getMessage());
    }
}
