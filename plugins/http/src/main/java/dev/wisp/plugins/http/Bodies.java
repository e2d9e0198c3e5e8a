package dev.wisp.plugins.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A request body from the {@code body} and {@code content_type} parameters. */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An encoded body. */
    record Body(byte[] bytes, String contentType) {
    }

    private Bodies() {
    }

    /** The body to send, or {@code null} for none; a JSON content type with a body that is not JSON is refused. */
    static Body of(Object body, Object contentType) {
        String type = contentType == null || contentType.toString().isBlank() ? null : contentType.toString().strip();
        if (type != null && (type.contains("\r") || type.contains("\n"))) {
            throw new IllegalArgumentException("content_type must be one line");
        }
        if (body == null) {
            return null;
        }
        boolean json = type == null ? !(body instanceof String) : isJson(type);
        if (body instanceof String text) {
            if (json) {
                try {
                    JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("body is not JSON, but content_type is " + type + ": "
                            + e.getOriginalMessage() + " (give an object or list, or another content_type)");
                }
            }
            return new Body(text.getBytes(StandardCharsets.UTF_8), type != null ? type : "text/plain; charset=UTF-8");
        }
        if (!json) {
            throw new IllegalArgumentException("body is a " + (body instanceof java.util.Map ? "JSON object"
                    : body instanceof java.util.List ? "JSON list" : "JSON value") + ", but content_type is " + type
                    + "; give the body as text for that type");
        }
        try {
            return new Body(JSON.writeValueAsBytes(body), type != null ? type : "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    static boolean isJson(String type) {
        String t = type.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return t.equals("application/json") || t.endsWith("+json");
    }
}
