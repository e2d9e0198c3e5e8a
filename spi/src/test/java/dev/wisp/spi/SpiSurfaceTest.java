package dev.wisp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SPI's public surface, compared with {@code spi-surface.txt}: plugins compile against it, so a change must be
 * deliberate (additive, with defaults) and shows up here. Regenerate with -Dgolden.update=true after review.
 */
class SpiSurfaceTest {
    @Test
    void thePublicSurfaceIsTheRecordedOne() throws IOException, ClassNotFoundException {
        List<String> lines = new ArrayList<>();
        Path classes = Path.of("target/classes/dev/wisp/spi");
        List<String> names;
        try (Stream<Path> files = Files.list(classes)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> "dev.wisp.spi." + n.substring(0, n.length() - ".class".length()).replace('$', '.'))
                    .sorted().toList();
        }
        for (String name : names) {
            Class<?> c = load(name);
            if (c == null || !Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            lines.add(kind(c) + " " + c.getName());
            Arrays.stream(c.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                    .map(SpiSurfaceTest::signature).sorted().forEach(s -> lines.add("  " + s));
        }
        String actual = String.join("\n", lines) + "\n";
        Path golden = Path.of("src/test/resources/spi-surface.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(golden), actual, "the SPI changed: review it, then update spi-surface.txt");
    }

    private static Class<?> load(String dotted) throws ClassNotFoundException {
        String name = dotted;
        while (true) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0 || !Character.isUpperCase(name.charAt(name.lastIndexOf('.', dot - 1) + 1))) {
                    return null;
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }

    private static String kind(Class<?> c) {
        return c.isRecord() ? "record" : c.isEnum() ? "enum" : c.isInterface() ? "interface" : "class";
    }

    private static String signature(Method m) {
        return (m.isDefault() ? "default " : Modifier.isStatic(m.getModifiers()) ? "static " : "")
                + m.getGenericReturnType().getTypeName() + " " + m.getName() + "("
                + Arrays.stream(m.getGenericParameterTypes()).map(t -> t.getTypeName()).collect(Collectors.joining(", "))
                + ")";
    }
}
