package dev.wisp.cado;

import dev.wisp.http.HttpSettings;
import dev.wisp.spi.AssetConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * An asset's configuration, checked once when the connection opens.
 *
 * @param baseUrl        the API root without a trailing slash, ending in /api/v2
 * @param token          the access token (secret: never printed)
 * @param defaultProject the project used when an action leaves project_id out
 * @param defaultBucket  the bucket used when an action leaves bucket out
 * @param defaultRegion  the region used when an action leaves region out
 * @param maxPollFailures polls in a row loop pipeline tolerates failing
 * @param http           how the shared HTTP client connects (TLS, CA bundle, proxy, timeouts, pool size)
 */
record CadoSettings(URI baseUrl, String token, Optional<Long> defaultProject, Optional<String> defaultBucket,
                    Optional<String> defaultRegion, boolean verifyServerCert, Duration connectTimeout,
                    Duration readTimeout, Duration pollInterval, Duration maxWait, int maxConnections,
                    long maxPollFailures, HttpSettings http) {

    @Override
    public String toString() {
        return "CadoSettings[baseUrl=" + baseUrl + ", token=***]";
    }

    static CadoSettings from(AssetConfig asset) {
        String base = asset.string("base_url").orElseThrow(() -> new IllegalArgumentException(
                "asset '" + asset.name() + "': base_url is required, e.g. https://cado.example.com/api/v2"));
        String trimmed = base.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': base_url '" + base
                    + "' is not a URL: " + e.getReason());
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': base_url '" + base
                    + "' must be an http(s) URL such as https://cado.example.com/api/v2");
        }
        if (!trimmed.endsWith("/api/v2")) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': base_url '" + base
                    + "' must end in /api/v2 (the Cado Response v2 API), e.g. " + uri.getScheme() + "://"
                    + uri.getAuthority() + "/api/v2");
        }
        String token = asset.string("access_token").orElseThrow(() -> new IllegalArgumentException(
                "asset '" + asset.name() + "': access_token is required"));
        return new CadoSettings(uri, token, projectId(asset),
                asset.string("default_bucket"), asset.string("default_region"),
                asset.bool("verify_server_cert", true),
                HttpSettings.positive(asset, "connect_timeout", 10, Duration::ofSeconds),
                HttpSettings.positive(asset, "read_timeout", 60, Duration::ofSeconds),
                HttpSettings.positive(asset, "poll_interval", 60, Duration::ofSeconds),
                HttpSettings.positive(asset, "max_wait", 86_400, Duration::ofSeconds),
                HttpSettings.positive(asset, "max_connections", 32, n -> (int) Math.min(n, 1024)),
                HttpSettings.positive(asset, "max_poll_failures", PipelineLoop.MAX_POLL_FAILURES, n -> n),
                HttpSettings.from(asset));
    }

    private static Optional<Long> projectId(AssetConfig asset) {
        return asset.string("default_project").map(v -> {
            try {
                return (long) Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("asset '" + asset.name() + "': default_project must be a "
                        + "Cado project id (a number), not '" + v + "'");
            }
        });
    }
}
