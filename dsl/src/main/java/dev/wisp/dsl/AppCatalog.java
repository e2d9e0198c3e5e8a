package dev.wisp.dsl;

import dev.wisp.spi.AppSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apps known to a check or run, by id. The engine's plugin registry provides one from the installed plugins;
 * tests build one from specs directly.
 */
public final class AppCatalog {
    private final Map<String, AppSpec> apps;

    private AppCatalog(Map<String, AppSpec> apps) {
        this.apps = apps;
    }

    /** A catalog of these specs; ids must be unique. */
    public static AppCatalog of(Collection<AppSpec> specs) {
        Map<String, AppSpec> byId = new LinkedHashMap<>();
        specs.stream().sorted(Comparator.comparing(AppSpec::id)).forEach(spec -> {
            if (byId.putIfAbsent(spec.id(), spec) != null) {
                throw new IllegalArgumentException("two apps have the id " + spec.id());
            }
        });
        return new AppCatalog(java.util.Collections.unmodifiableMap(byId));
    }

    public static AppCatalog empty() {
        return of(List.of());
    }

    public Optional<AppSpec> app(String id) {
        return Optional.ofNullable(apps.get(id));
    }

    /** All apps, ordered by id. */
    public Collection<AppSpec> apps() {
        return apps.values();
    }
}
