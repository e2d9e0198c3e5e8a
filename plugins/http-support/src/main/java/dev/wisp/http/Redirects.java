package dev.wisp.http;

import dev.wisp.spi.ActionContext;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Following a redirect: at most so many, only to http(s), never from HTTPS down to HTTP, and never with the
 * credentials to another host (scheme, host and port must match for them to go along).
 */
final class Redirects {
    private static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    static boolean isRedirect(Response r) {
        return STATUSES.contains(r.status()) && r.header("Location") != null;
    }

    static Request follow(ActionContext ctx, Request req, Response r, int redirects, HttpSettings settings) {
        String from = AssetHttpClient.host(req.uri());
        URI next;
        try {
            next = req.uri().resolve(r.header("Location").strip());
        } catch (IllegalArgumentException e) {
            throw new HttpFailure(HttpFailure.Kind.REDIRECT, from + " redirected to a malformed location");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
            throw new HttpFailure(HttpFailure.Kind.REDIRECT, from + " redirected to a location that is not an "
                    + "http(s) URL; not followed");
        }
        if (redirects >= settings.maxRedirects()) {
            throw new HttpFailure(HttpFailure.Kind.REDIRECT, req.describe() + " was redirected more than "
                    + settings.maxRedirects() + " times; last to " + AssetHttpClient.host(next));
        }
        if (req.uri().getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw new HttpFailure(HttpFailure.Kind.REDIRECT, from + " redirected from HTTPS to plain HTTP ("
                    + AssetHttpClient.host(next) + "); not followed");
        }
        boolean get = r.status() == 303 && !req.method().equals("HEAD");
        Request follow = get ? req.to(next, "GET", false) : req.to(next, req.method(), true);
        if (!sameOrigin(req.uri(), next)) {
            follow = follow.withoutCredentials();
            ctx.log(settings.secrets().mask(req.describe() + " was redirected (HTTP " + r.status() + ") to another "
                    + "host, " + AssetHttpClient.host(next) + ": followed without the credentials"));
        }
        return follow;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && AssetHttpClient.port(a) == AssetHttpClient.port(b);
    }
}
