package dev.wisp.plugins.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.http.HttpSettings;
import dev.wisp.spi.AssetConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code http} asset, checked when the connection opens, every message naming the field.
 *
 * @param name           the asset's name
 * @param baseUrl        the root every location is under, without a trailing slash
 * @param auth           how requests authenticate
 * @param defaultHeaders headers sent with every request
 * @param allowAbsolute  whether a location may be an absolute URL
 * @param http           how the client connects
 */
record HttpAsset(String name, URI baseUrl, Auth auth, Map<String, String> defaultHeaders, boolean allowAbsolute,
                 HttpSettings http) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The credential of every request to the asset's own host.
     *
     * @param kind  none, basic, bearer, api_key_header or api_key_query
     * @param name  the header or query parameter that carries it
     * @param value its value (a secret), or empty for none
     */
    record Auth(String kind, String name, String value) {
        @Override
        public String toString() {
            return "Auth[" + kind + ", " + name + ", ***]";
        }

        boolean inQuery() {
            return kind.equals("api_key_query");
        }
    }

    @Override
    public String toString() {
        return "HttpAsset[" + name + ", " + baseUrl + ", " + auth + "]";
    }

    static HttpAsset from(AssetConfig asset) {
        String base = asset.string("base_url").orElseThrow(() -> new IllegalArgumentException("asset '"
                + asset.name() + "': base_url is required, e.g. https://api.example.com/v1"));
        URI uri = HttpSettings.url(asset, "base_url", base.strip().replaceAll("/+$", ""));
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': base_url must not have a query or a "
                    + "fragment; give query parameters in each action's query");
        }
        Auth auth = auth(asset);
        HttpSettings http = HttpSettings.from(asset);
        // the header as sent (Basic base64(user:password)) is a secret too, should a server echo it
        http = http.withSecrets(http.secrets().and(auth.value().isEmpty() ? List.of() : List.of(auth.value(),
                auth.value().replaceFirst("^(Basic|Bearer) ", ""))));
        return new HttpAsset(asset.name(), uri, auth, headers(asset), asset.bool("allow_absolute_urls", false), http);
    }

    private static Auth auth(AssetConfig asset) {
        String kind = asset.string("auth").orElse("none").strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "none" -> new Auth("none", "", "");
            case "basic" -> {
                String user = need(asset, "username", kind);
                String password = need(asset, "password", kind);
                if (user.contains(":")) {
                    throw new IllegalArgumentException("asset '" + asset.name() + "': username must not contain ':' "
                            + "(basic auth cannot carry it)");
                }
                yield new Auth(kind, "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            case "bearer" -> new Auth(kind, "Authorization", "Bearer " + need(asset, "token", kind));
            case "api_key_header" -> new Auth(kind, asset.string("api_key_name").orElse("X-API-Key").strip(),
                    need(asset, "api_key", kind));
            case "api_key_query" -> new Auth(kind, asset.string("api_key_name").orElse("api_key").strip(),
                    need(asset, "api_key", kind));
            default -> throw new IllegalArgumentException("asset '" + asset.name() + "': auth must be none, basic, "
                    + "bearer, api_key_header or api_key_query, not '" + kind + "'");
        };
    }

    private static String need(AssetConfig asset, String field, String kind) {
        return asset.string(field).orElseThrow(() -> new IllegalArgumentException("asset '" + asset.name()
                + "': auth " + kind + " needs " + field + (asset.secretFields().contains(field)
                ? " (a secret: ${env:NAME} or ${file:PATH})" : "")));
    }

    private static Map<String, String> headers(AssetConfig asset) {
        Optional<Object> v = asset.value("default_headers");
        if (v.isEmpty()) {
            return Map.of();
        }
        Object parsed = v.get();
        if (parsed instanceof String s) {
            try {
                parsed = s.isBlank() ? Map.of() : JSON.readValue(s, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("asset '" + asset.name() + "': default_headers must be an object "
                        + "of header names to values: " + e.getOriginalMessage());
            }
        }
        return Headers.of(parsed, "asset '" + asset.name() + "': default_headers");
    }

    /** A header map from a JSON-like value, or a message naming where it came from. */
    static final class Headers {
        private Headers() {
        }

        static Map<String, String> of(Object value, String where) {
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + " must be an object of header names to values");
            }
            Map<String, String> out = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                String key = String.valueOf(k);
                if (!key.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                    throw new IllegalArgumentException(where + ": '" + key + "' is not a header name");
                }
                String text = x == null ? "" : x instanceof String s ? s : x.toString();
                if (text.contains("\r") || text.contains("\n")) {
                    throw new IllegalArgumentException(where + ": the value of " + key + " must be one line");
                }
                out.put(key, text);
            });
            return out;
        }
    }
}
