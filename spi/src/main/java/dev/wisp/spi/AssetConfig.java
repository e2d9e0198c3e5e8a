package dev.wisp.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A configured asset: the app it belongs to and its resolved configuration values, secrets included.
 * {@link #toString()} never shows secret values.
 *
 * @param name         the asset's name in the playbook and assets file
 * @param appId        the app it configures
 * @param values       configuration values after defaults and {@code ${env:..}}/{@code ${file:..}} resolution
 * @param secretFields names of fields whose values are secrets
 */
public record AssetConfig(String name, String appId, Map<String, Object> values, Set<String> secretFields) {
    public AssetConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(appId, "appId");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        secretFields = Set.copyOf(secretFields);
    }

    public Optional<Object> value(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** The field as a string, or empty when it is unset or blank. */
    public Optional<String> string(String field) {
        Object v = values.get(field);
        return v == null || v.toString().isBlank() ? Optional.empty() : Optional.of(v.toString());
    }

    /** The field as a boolean, accepting JSON booleans and the strings true/false. */
    public boolean bool(String field, boolean fallback) {
        Object v = values.get(field);
        if (v instanceof Boolean b) {
            return b;
        }
        return v == null ? fallback : Boolean.parseBoolean(v.toString().trim());
    }

    /** The field as a whole number, or the fallback when unset. */
    public long number(String field, long fallback) {
        Object v = values.get(field);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null || v.toString().isBlank() ? fallback : Long.parseLong(v.toString().trim());
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k, secretFields.contains(k) ? "***" : v));
        return "AssetConfig[name=" + name + ", appId=" + appId + ", values=" + shown + "]";
    }
}
