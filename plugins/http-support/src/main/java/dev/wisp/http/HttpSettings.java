package dev.wisp.http;

import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * How one asset's client connects: checked once, when the connection opens, with messages that name the field.
 *
 * @param verifyServerCert whether the server's certificate must be trusted and match its host
 * @param caBundle         PEM certificates to trust instead of the system's, if set
 * @param proxy            an HTTP proxy ({@code http://host:port}), if set
 * @param connectTimeout   how long a connection may take to open
 * @param readTimeout      how long the server may stay silent while answering
 * @param answerTimeout    how long a whole answer may take (against servers that trickle their answer)
 * @param maxConnections   open connections at most (the pool's size)
 * @param maxResponseBytes the largest body read; larger answers fail
 * @param maxRedirects     redirects followed at most (0: none)
 * @param retry            which requests are sent again, and when
 * @param secrets          values masked in every message (the asset's secrets)
 */
public record HttpSettings(boolean verifyServerCert, Optional<Path> caBundle, Optional<URI> proxy,
                           Duration connectTimeout, Duration readTimeout, Duration answerTimeout, int maxConnections,
                           long maxResponseBytes, int maxRedirects, RetryPolicy retry, Secrets secrets) {
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;

    public HttpSettings {
        Objects.requireNonNull(caBundle, "caBundle");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(secrets, "secrets");
    }

    /** Verified TLS, 10 s to connect, 60 s of silence, 5 minutes an answer, 32 connections, 10 MB, 5 redirects. */
    public static HttpSettings defaults() {
        return new HttpSettings(true, Optional.empty(), Optional.empty(), Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofMinutes(5), 32, DEFAULT_MAX_RESPONSE_BYTES, 5,
                RetryPolicy.standard(), Secrets.none());
    }

    public HttpSettings withTimeouts(Duration connect, Duration read, Duration answer) {
        return new HttpSettings(verifyServerCert, caBundle, proxy, connect, read, answer, maxConnections,
                maxResponseBytes, maxRedirects, retry, secrets);
    }

    public HttpSettings withMaxResponseBytes(long bytes) {
        return new HttpSettings(verifyServerCert, caBundle, proxy, connectTimeout, readTimeout, answerTimeout,
                maxConnections, bytes, maxRedirects, retry, secrets);
    }

    public HttpSettings withRetry(RetryPolicy policy) {
        return new HttpSettings(verifyServerCert, caBundle, proxy, connectTimeout, readTimeout, answerTimeout,
                maxConnections, maxResponseBytes, maxRedirects, policy, secrets);
    }

    public HttpSettings withTls(boolean verify, Optional<Path> bundle) {
        return new HttpSettings(verify, bundle, proxy, connectTimeout, readTimeout, answerTimeout, maxConnections,
                maxResponseBytes, maxRedirects, retry, secrets);
    }

    public HttpSettings withProxy(Optional<URI> p) {
        return new HttpSettings(verifyServerCert, caBundle, p, connectTimeout, readTimeout, answerTimeout,
                maxConnections, maxResponseBytes, maxRedirects, retry, secrets);
    }

    public HttpSettings withRedirects(int max) {
        return new HttpSettings(verifyServerCert, caBundle, proxy, connectTimeout, readTimeout, answerTimeout,
                maxConnections, maxResponseBytes, max, retry, secrets);
    }

    public HttpSettings withSecrets(Secrets s) {
        return new HttpSettings(verifyServerCert, caBundle, proxy, connectTimeout, readTimeout, answerTimeout,
                maxConnections, maxResponseBytes, maxRedirects, retry, s);
    }

    /**
     * The asset fields this library reads, for an app's spec: verify_server_cert, ca_bundle, proxy,
     * connect_timeout, read_timeout, max_connections, max_response_bytes.
     */
    public static List<ConfigField> configFields() {
        return List.of(
                ConfigField.optional("verify_server_cert", DataType.BOOLEAN, true,
                        "Check the server's TLS certificate (turn off only for test setups)"),
                ConfigField.optional("ca_bundle", DataType.STRING, null,
                        "A PEM file of CA certificates to trust instead of the system's"),
                ConfigField.optional("proxy", DataType.STRING, null, "An HTTP proxy, e.g. http://proxy.example:3128"),
                ConfigField.optional("connect_timeout", DataType.NUMERIC, 10, "Seconds to wait for a connection"),
                ConfigField.optional("read_timeout", DataType.NUMERIC, 60,
                        "Seconds the server may stay silent while answering"),
                ConfigField.optional("max_connections", DataType.NUMERIC, 32,
                        "Open connections to the server at most"),
                ConfigField.optional("max_response_bytes", DataType.NUMERIC, DEFAULT_MAX_RESPONSE_BYTES,
                        "The largest answer read, in bytes; larger answers fail"));
    }

    /** The settings of an asset (fields as {@link #configFields()}), its secret fields masked in messages. */
    public static HttpSettings from(AssetConfig asset) {
        HttpSettings d = defaults();
        Optional<Path> bundle = asset.string("ca_bundle").map(p -> {
            Path path = Path.of(p.strip());
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("asset '" + asset.name() + "': ca_bundle '" + p
                        + "' is not a readable file");
            }
            return path;
        });
        Optional<URI> proxy = asset.string("proxy").map(p -> url(asset, "proxy", p));
        Duration read = positive(asset, "read_timeout", 60, Duration::ofSeconds);
        List<String> secretValues = asset.secretFields().stream()
                .map(f -> asset.string(f).orElse(null)).filter(Objects::nonNull).toList();
        return new HttpSettings(asset.bool("verify_server_cert", true), bundle, proxy,
                positive(asset, "connect_timeout", 10, Duration::ofSeconds), read,
                max(d.answerTimeout(), read.multipliedBy(5)),
                positive(asset, "max_connections", 32, n -> (int) Math.min(n, 1024)),
                positive(asset, "max_response_bytes", DEFAULT_MAX_RESPONSE_BYTES, n -> n),
                d.maxRedirects(), d.retry(), new Secrets(secretValues));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** An http(s) URL from an asset field, or a message naming the field. */
    public static URI url(AssetConfig asset, String field, String value) {
        String v = value.strip();
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': " + field + " '" + value
                    + "' is not a URL: " + e.getReason());
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': " + field + " '" + value
                    + "' must be an http(s) URL such as https://host.example.com");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': " + field + " must not carry a user "
                    + "name or password in the URL; use the asset's auth fields");
        }
        return uri;
    }

    /** A positive whole number from the asset (0 would mean "no timeout" to HttpClient, so it is refused). */
    public static <T> T positive(AssetConfig asset, String field, long fallback, LongFunction<T> as) {
        long n;
        try {
            n = asset.number(field, fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': " + field
                    + " must be a whole number, not '" + asset.value(field).orElse("") + "'");
        }
        if (n <= 0) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': " + field + " must be more than 0, not "
                    + n);
        }
        return as.apply(n);
    }
}
