package dev.wisp.cado;

/**
 * An answer from the API.
 *
 * @param status      the HTTP status
 * @param json        the body parsed as JSON (Map, List, String, Number, Boolean), or {@code null} when empty
 * @param contentType the Content-Type header, or empty
 * @param text        the body as text
 */
record ApiResponse(int status, Object json, String contentType, String text) {
}
