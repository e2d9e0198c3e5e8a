package dev.wisp.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A whole answer.
 *
 * @param status  the status code
 * @param reason  the reason phrase, or empty
 * @param headers the headers, names in lower case, values in order
 * @param body    the body (empty for none)
 * @param uri     the URI that answered (after redirects)
 */
public record Response(int status, String reason, Map<String, List<String>> headers, byte[] body, URI uri) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Response {
        Objects.requireNonNull(headers, "headers");
        reason = reason == null ? "" : reason;
        body = body == null ? new byte[0] : body;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The Content-Type, or empty. */
    public String contentType() {
        String ct = header("Content-Type");
        return ct == null ? "" : ct;
    }

    /** Whether the body says it is JSON ({@code application/json}, {@code application/problem+json}, ...). */
    public boolean isJson() {
        String ct = contentType().toLowerCase(Locale.ROOT);
        int semi = ct.indexOf(';');
        String type = (semi < 0 ? ct : ct.substring(0, semi)).strip();
        return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
    }

    /** The body as text, in the charset of its Content-Type (UTF-8 by default). */
    public String text() {
        Charset cs = StandardCharsets.UTF_8;
        String ct = contentType();
        int i = ct.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (i >= 0) {
            try {
                cs = Charset.forName(ct.substring(i + 8).replace("\"", "").split(";")[0].strip());
            } catch (IllegalArgumentException e) {
                // an unknown charset: read as UTF-8
            }
        }
        return new String(body, cs);
    }

    /**
     * The body parsed as JSON (Map, List, String, Number, Boolean, or {@code null} for an empty body).
     *
     * @throws IllegalArgumentException naming the problem when it is not JSON
     */
    public Object json() {
        String text = text();
        if (text.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
