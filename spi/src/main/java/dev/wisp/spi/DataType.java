package dev.wisp.spi;

/** Types of action parameters, configuration fields and output data paths, as SOAR app metadata names them. */
public enum DataType {
    STRING("string"),
    NUMERIC("numeric"),
    BOOLEAN("boolean"),
    /** A secret string: redacted wherever it would be printed or written. */
    PASSWORD("password"),
    /** A JSON object. */
    OBJECT("object"),
    /** A JSON array. */
    LIST("list"),
    /** Any JSON value. */
    ANY("any");

    private final String id;

    DataType(String id) {
        this.id = id;
    }

    /** The name used in YAML and in documentation. */
    public String id() {
        return id;
    }

    /** Parses the YAML name; returns {@code null} for an unknown name. */
    public static DataType fromId(String id) {
        for (DataType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** Whether a JSON-like value (String, Number, Boolean, Map, List) fits this type. {@code null} fits every type. */
    public boolean accepts(Object value) {
        if (value == null) {
            return true;
        }
        return switch (this) {
            case STRING, PASSWORD -> value instanceof String;
            case NUMERIC -> value instanceof Number
                    || (value instanceof String s && isNumeric(s));
            case BOOLEAN -> value instanceof Boolean
                    || (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")));
            case OBJECT -> value instanceof java.util.Map;
            case LIST -> value instanceof java.util.List;
            case ANY -> true;
        };
    }

    private static boolean isNumeric(String s) {
        try {
            new java.math.BigDecimal(s.trim());
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
