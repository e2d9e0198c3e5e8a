package dev.wisp.engine.plugin;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.spi.App;
import dev.wisp.spi.AppSpec;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The installed apps: the only place that calls {@link ServiceLoader}. Apps come from the classpath and from the
 * jars of a plugin directory. Two apps with one id, or a jar whose app cannot be loaded, stop the registry with a
 * message that names the jar.
 */
public final class PluginRegistry {
    private final Map<String, App> apps;
    private final AppCatalog catalog;

    private PluginRegistry(Map<String, App> apps) {
        this.apps = apps;
        this.catalog = AppCatalog.of(apps.values().stream().map(App::spec).toList());
    }

    /** The apps on the classpath and, if given, in the {@code *.jar} files of {@code pluginDir}. */
    public static PluginRegistry load(ClassLoader parent, Optional<Path> pluginDir) {
        Map<String, App> apps = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        add(apps, origin, ServiceLoader.load(App.class, parent), "the classpath");
        if (pluginDir.isPresent()) {
            for (Path jar : jars(pluginDir.get())) {
                checkIsAJar(jar);
                add(apps, origin, ServiceLoader.load(App.class, new URLClassLoader(new URL[] {url(jar)}, parent)),
                        jar.toString());
            }
        }
        return new PluginRegistry(apps);
    }

    /** A registry of given apps, for tests and embedding. */
    public static PluginRegistry of(Collection<App> given) {
        Map<String, App> apps = new LinkedHashMap<>();
        for (App a : given) {
            if (apps.putIfAbsent(a.spec().id(), a) != null) {
                throw new PluginException("two apps have the id '" + a.spec().id() + "'");
            }
        }
        return new PluginRegistry(apps);
    }

    private static void add(Map<String, App> apps, Map<String, String> origin, ServiceLoader<App> loader,
                            String from) {
        Iterator<App> it = loader.iterator();
        while (true) {
            App app;
            AppSpec spec;
            try {
                if (!it.hasNext()) {
                    return;
                }
                app = it.next();
                spec = app.spec();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new PluginException("cannot load a plugin from " + from + ": " + e.getMessage(), e);
            }
            // the parent's apps are found again through each plugin jar's class loader; skip those
            if (apps.get(spec.id()) != null && apps.get(spec.id()).getClass() == app.getClass()) {
                continue;
            }
            String first = origin.putIfAbsent(spec.id(), from);
            if (first != null) {
                throw new PluginException("two plugins provide the app '" + spec.id() + "': " + first + " and "
                        + from + "; remove one of them");
            }
            apps.put(spec.id(), app);
        }
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PluginException("plugin directory " + dir + " does not exist");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginException("cannot list plugin directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A file that is not a zip would load no classes, silently; say which and why instead. */
    private static void checkIsAJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.size();
        } catch (IOException e) {
            throw new PluginException("plugin " + jar + " is not a jar (" + (e.getMessage() == null ? "not a zip file"
                    : e.getMessage()) + "); rebuild it or remove it from " + jar.getParent(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginException("bad plugin path " + jar, e);
        }
    }

    public Optional<App> app(String id) {
        return Optional.ofNullable(apps.get(id));
    }

    public Collection<App> apps() {
        return List.copyOf(apps.values());
    }

    /** The apps' specs, for the static checks. */
    public AppCatalog catalog() {
        return catalog;
    }

    /** A problem with the installed plugins. */
    public static final class PluginException extends RuntimeException {
        public PluginException(String message) {
            super(message);
        }

        public PluginException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
