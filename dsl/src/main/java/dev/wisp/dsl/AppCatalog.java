package dev.wisp.dsl;

import dev.wisp.spi.AppSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apps known to a check or run, by id: the installed ones (the engine's plugin registry provides them) and,
 * besides them, apps known only from their spec files ({@link SpecOnlyApp}). Tests build one from specs directly.
 */
public final class AppCatalog {
    private final Map<String, AppSpec> apps;
    private final Map<String, SpecOnlyApp> specOnly;

    private AppCatalog(Map<String, AppSpec> apps, Map<String, SpecOnlyApp> specOnly) {
        this.apps = apps;
        this.specOnly = specOnly;
    }

    /** A catalog of these installed apps' specs; ids must be unique. */
    public static AppCatalog of(Collection<AppSpec> specs) {
        Map<String, AppSpec> byId = new LinkedHashMap<>();
        specs.stream().sorted(Comparator.comparing(AppSpec::id)).forEach(spec -> {
            if (byId.putIfAbsent(spec.id(), spec) != null) {
                throw new IllegalArgumentException("two apps have the id " + spec.id());
            }
        });
        return new AppCatalog(java.util.Collections.unmodifiableMap(byId), Map.of());
    }

    public static AppCatalog empty() {
        return of(List.of());
    }

    /**
     * This catalog and these spec-only apps. An installed app wins over a spec of the same id (the spec is left
     * out: its loader warns about it); two spec-only apps with one id are refused.
     */
    public AppCatalog withSpecOnly(Collection<SpecOnlyApp> extra) {
        Map<String, SpecOnlyApp> added = new LinkedHashMap<>(specOnly);
        for (SpecOnlyApp s : extra) {
            String id = s.spec().id();
            if (isInstalled(id)) {
                continue;
            }
            SpecOnlyApp first = added.putIfAbsent(id, s);
            if (first != null && !first.equals(s)) {
                throw new IllegalArgumentException("two app specs have the id " + id + ": " + first.file() + " and "
                        + s.file());
            }
        }
        if (added.size() == specOnly.size()) {
            return this;
        }
        Map<String, AppSpec> all = new java.util.TreeMap<>(apps);
        added.values().forEach(s -> all.put(s.spec().id(), s.spec()));
        return new AppCatalog(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(all)), Map.copyOf(added));
    }

    public Optional<AppSpec> app(String id) {
        return Optional.ofNullable(apps.get(id));
    }

    /** All apps, installed and spec-only, ordered by id. */
    public Collection<AppSpec> apps() {
        return apps.values();
    }

    /** Whether an installed plugin implements this app (spec-only apps are not installed). */
    public boolean isInstalled(String id) {
        return apps.containsKey(id) && !specOnly.containsKey(id);
    }

    /** The app of this id when it is known only from its spec file. */
    public Optional<SpecOnlyApp> specOnly(String id) {
        return Optional.ofNullable(specOnly.get(id));
    }

    /** Whether this action of this app has open outputs (see {@link SpecOnlyApp#openActions()}). */
    public boolean openOutputs(String appId, String action) {
        SpecOnlyApp s = specOnly.get(appId);
        return s != null && s.openOutputs(action);
    }
}
