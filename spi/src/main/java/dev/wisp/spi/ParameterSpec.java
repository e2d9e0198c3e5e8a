package dev.wisp.spi;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of an action, as the seed's "Action Parameters" tables show it.
 *
 * @param name         the parameter name used in playbooks
 * @param type         its type; literals in playbooks are checked against it
 * @param required     whether an execution needs it (rows without it are skipped)
 * @param defaultValue the value used when a playbook leaves it out, or {@code null}
 * @param valueList    the allowed values, or empty for any
 * @param contains     semantic types (SOAR's {@code contains}: "ip", "cado project id", ...)
 * @param assetDefault the asset configuration field that fills it when missing or empty, or {@code null}
 * @param description  one line for users
 * @param example      an example value for documentation, or {@code null}
 */
public record ParameterSpec(String name, DataType type, boolean required, Object defaultValue, List<String> valueList,
                            List<String> contains, String assetDefault, String description, Object example) {
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        valueList = List.copyOf(valueList == null ? List.of() : valueList);
        contains = List.copyOf(contains == null ? List.of() : contains);
        description = description == null ? "" : description;
    }

    /** Starts a builder for a parameter; {@code required} is false unless set. */
    public static Builder builder(String name, DataType type) {
        return new Builder(name, type);
    }

    /** A small builder, because most parameters set only a few of the fields. */
    public static final class Builder {
        private final String name;
        private final DataType type;
        private boolean required;
        private Object defaultValue;
        private List<String> valueList = List.of();
        private List<String> contains = List.of();
        private String assetDefault;
        private String description = "";
        private Object example;

        private Builder(String name, DataType type) {
            this.name = name;
            this.type = type;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        public Builder valueList(String... values) {
            this.valueList = List.of(values);
            return this;
        }

        public Builder contains(String... types) {
            this.contains = List.of(types);
            return this;
        }

        public Builder assetDefault(String configField) {
            this.assetDefault = configField;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder example(Object value) {
            this.example = value;
            return this;
        }

        public ParameterSpec build() {
            return new ParameterSpec(name, type, required, defaultValue, valueList, contains, assetDefault,
                    description, example);
        }
    }
}
