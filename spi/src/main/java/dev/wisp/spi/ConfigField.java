package dev.wisp.spi;

import java.util.Objects;

/**
 * One field of an asset's configuration.
 *
 * @param name         the key in the assets file
 * @param type         its type
 * @param required     whether an asset must set it
 * @param defaultValue the value used when it is not set, or {@code null}
 * @param secret       whether it is a secret: given only as {@code ${env:NAME}} or {@code ${file:PATH}}, never printed
 * @param description  one line for users
 */
public record ConfigField(String name, DataType type, boolean required, Object defaultValue, boolean secret,
                          String description) {
    public ConfigField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    public static ConfigField required(String name, DataType type, String description) {
        return new ConfigField(name, type, true, null, false, description);
    }

    public static ConfigField optional(String name, DataType type, Object defaultValue, String description) {
        return new ConfigField(name, type, false, defaultValue, false, description);
    }

    public static ConfigField secret(String name, String description) {
        return new ConfigField(name, DataType.PASSWORD, true, null, true, description);
    }
}
