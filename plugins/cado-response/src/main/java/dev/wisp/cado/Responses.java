package dev.wisp.cado;

import java.util.Map;
import java.util.function.Function;

/** Turns API answers into results or into errors a user understands. */
final class Responses {
    private static final int SHORT = 200;

    private Responses() {
    }

    /**
     * The JSON body of a successful answer, or a {@link CadoException} naming what went wrong.
     *
     * @param notFound the message for a 404, given what was asked for
     */
    static Object json(ApiResponse r, String notFound) {
        int s = r.status();
        if (s >= 200 && s < 300) {
            if (r.json() instanceof CadoHttp.Malformed m) {
                throw new CadoException(s, "Cado Response sent malformed JSON (HTTP " + s + "): " + m.problem());
            }
            if (r.json() == null && !r.text().isBlank()) {
                throw new CadoException(s, "expected JSON from Cado Response but got "
                        + (r.contentType().isEmpty() ? "no content type" : r.contentType()) + ": \""
                        + shortText(r.text()) + "\"; is base_url right? it must end in /api/v2");
            }
            return r.json() == null ? Map.of() : r.json();
        }
        String detail = "HTTP " + s + (message(r).isEmpty() ? "" : ": " + message(r));
        throw new CadoException(s, switch (s) {
            case 400 -> "Cado Response rejected the request (" + detail + ")";
            case 401 -> "the access token was rejected (" + detail + "); check access_token";
            case 403 -> "the access token is not allowed to do this (" + detail + ")";
            case 404 -> notFound + " (" + detail + ")";
            case 405 -> "Cado Response does not allow this request (" + detail + "); is base_url right? it must "
                    + "end in /api/v2";
            case 409 -> "Cado Response reports a conflict (" + detail + ")";
            case 429 -> "Cado Response is rate limiting requests (" + detail + "); try again later";
            default -> s >= 500 ? "Cado Response failed (" + detail + ")" : "unexpected answer (" + detail + ")";
        });
    }

    /** The server's {@code msg}, or a short plain-text version of the body. */
    static String message(ApiResponse r) {
        if (r.json() instanceof Map<?, ?> m && m.get("msg") != null) {
            return shortText(m.get("msg").toString());
        }
        return r.text().isBlank() ? "" : shortText(r.text());
    }

    static String shortText(String text) {
        String plain = text.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ").replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ").strip();
        return plain.length() <= SHORT ? plain : plain.substring(0, SHORT) + "...";
    }

    /** A typed view of a JSON value, failing with a message that names the field. */
    static <T> T as(Object value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            throw new CadoException(200, "unexpected answer from Cado Response: " + what + " is "
                    + (value == null ? "missing" : "a " + value.getClass().getSimpleName()) + ", expected a "
                    + (type == Map.class ? "JSON object" : type == java.util.List.class ? "JSON list"
                    : type.getSimpleName()));
        }
        return type.cast(value);
    }

    static <T> Function<Object, T> field(String name, Class<T> type) {
        return body -> as(as(body, Map.class, "the answer").get(name), type, "'" + name + "'");
    }
}
