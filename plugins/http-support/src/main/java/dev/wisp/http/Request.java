package dev.wisp.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request as an app means it.
 *
 * @param method          the method, upper case
 * @param uri             the absolute URI
 * @param headers         headers to send (the client adds none but Content-Type for a body)
 * @param body            the body, or {@code null}
 * @param contentType     the body's content type, or {@code null}
 * @param safeToRepeat    whether sending it twice is harmless: read-only or idempotent. Only such requests are
 *                        repeated after an answer that leaves their effect unknown
 * @param credentialHeaders names of headers that carry credentials: never sent to another host on a redirect
 * @param credentialQuery names of query parameters that carry credentials: dropped on a redirect to another host
 */
public record Request(String method, URI uri, Map<String, String> headers, byte[] body, String contentType,
                      boolean safeToRepeat, Set<String> credentialHeaders, Set<String> credentialQuery) {
    /** Methods that never change anything on a server that follows HTTP's rules. */
    public static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> ALWAYS_CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        method = method.toUpperCase(Locale.ROOT);
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        credentialHeaders = lower(credentialHeaders);
        credentialQuery = Set.copyOf(credentialQuery);
    }

    private static Set<String> lower(Set<String> names) {
        java.util.Set<String> out = new java.util.HashSet<>(ALWAYS_CREDENTIALS);
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    /** A request without a body; safe to repeat when the method is GET, HEAD or OPTIONS. */
    public static Request of(String method, URI uri) {
        String m = method.toUpperCase(Locale.ROOT);
        return new Request(m, uri, Map.of(), null, null, SAFE_METHODS.contains(m), Set.of(), Set.of());
    }

    public static Request get(URI uri) {
        return of("GET", uri);
    }

    /** A POST of a body; not safe to repeat unless {@link #idempotent()} says so. */
    public static Request post(URI uri, String body, String contentType) {
        return of("POST", uri).withBody(body, contentType);
    }

    public Request withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Request(method, uri, h, body, contentType, safeToRepeat, credentialHeaders, credentialQuery);
    }

    public Request withHeaders(Map<String, String> more) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putAll(more);
        return new Request(method, uri, h, body, contentType, safeToRepeat, credentialHeaders, credentialQuery);
    }

    public Request withBody(String text, String type) {
        return withBody(text == null ? null : text.getBytes(StandardCharsets.UTF_8), type);
    }

    public Request withBody(byte[] bytes, String type) {
        return new Request(method, uri, headers, bytes, type, safeToRepeat, credentialHeaders, credentialQuery);
    }

    /** The same request marked safe to repeat (the app or the playbook knows it is idempotent). */
    public Request idempotent() {
        return new Request(method, uri, headers, body, contentType, true, credentialHeaders, credentialQuery);
    }

    /** The same request with a header that carries a credential (sent only to the asset's own host). */
    public Request withCredentialHeader(String name, String value) {
        Set<String> names = new java.util.HashSet<>(credentialHeaders);
        names.add(name);
        return new Request(method, uri, headers, body, contentType, safeToRepeat, names, credentialQuery)
                .withHeader(name, value);
    }

    /** Marks a query parameter as a credential. */
    public Request withCredentialQuery(String name) {
        Set<String> names = new java.util.HashSet<>(credentialQuery);
        names.add(name);
        return new Request(method, uri, headers, body, contentType, safeToRepeat, credentialHeaders, names);
    }

    /** The same request to another URI (a redirect). */
    Request to(URI other, String newMethod, boolean keepBody) {
        return new Request(newMethod, other, headers, keepBody ? body : null, keepBody ? contentType : null,
                safeToRepeat, credentialHeaders, credentialQuery);
    }

    /** Without any credential header or query parameter: what may follow a redirect to another host. */
    Request withoutCredentials() {
        Map<String, String> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!credentialHeaders.contains(k.toLowerCase(Locale.ROOT))) {
                h.put(k, v);
            }
        });
        URI bare = uri;
        if (uri.getRawQuery() != null && !credentialQuery.isEmpty()) {
            List<String> kept = java.util.Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !credentialQuery.contains(java.net.URLDecoder.decode(p.split("=", 2)[0],
                            StandardCharsets.UTF_8))).toList();
            String q = kept.isEmpty() ? "" : "?" + String.join("&", kept);
            String s = uri.toString();
            bare = URI.create(s.substring(0, s.indexOf('?')) + q);
        }
        return new Request(method, bare, h, body, contentType, safeToRepeat, credentialHeaders, credentialQuery);
    }

    /** {@code GET /api/v2/projects}: method and path, never the query (it may hold a key). */
    public String describe() {
        return method + " " + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    }
}
