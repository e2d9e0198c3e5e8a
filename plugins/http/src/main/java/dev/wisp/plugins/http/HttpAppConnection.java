package dev.wisp.plugins.http;

import dev.wisp.http.AssetHttpClient;
import dev.wisp.http.HttpFailure;
import dev.wisp.http.InDoubt;
import dev.wisp.http.Request;
import dev.wisp.http.Response;
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One {@code http} asset's connection: builds each request from the action's parameters, sends it on the shared
 * client (which repeats only what is safe), and turns the answer into a result. A failure is a failed result whose
 * message names the status and shows a short excerpt of the body, secrets masked.
 */
final class HttpAppConnection implements AppConnection {
    private final HttpAsset asset;
    private final AssetHttpClient client;

    HttpAppConnection(HttpAsset asset) {
        this.asset = asset;
        this.client = new AssetHttpClient(asset.http());
    }

    /** Requests go out on the shared asynchronous client; retries and polls wait through the context. */
    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public CompletionStage<ActionResult> execute(ActionContext ctx) {
        Map<String, Object> params = ctx.parameters();
        Request request;
        List<Integer> expected;
        try {
            if (ctx.actionName().equals("test connectivity")) {
                return testConnectivity(ctx);
            }
            expected = expected(params);
            request = request(ctx);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ActionResult.failed(params, mask(e.getMessage()),
                    ActionResult.Failure.PERMANENT));
        }
        Request sent = request;
        return client.send(ctx, request).handle((response, error) -> {
            if (error != null) {
                return failure(params, sent, error);
            }
            return Answers.result(params, sent, response, expected, asset.http().secrets());
        });
    }

    /** GET base_url: reachable, and the credentials not refused. */
    private CompletionStage<ActionResult> testConnectivity(ActionContext ctx) {
        Request get = authenticated(ctx, Request.get(asset.baseUrl()).withHeaders(asset.defaultHeaders()),
                asset.baseUrl());
        return client.send(ctx, get).handle((r, error) -> {
            if (error != null) {
                return failure(ctx.parameters(), get, error);
            }
            ActionResult answer = Answers.result(ctx.parameters(), get, r, List.of(), asset.http().secrets());
            String head = "HTTP " + r.status() + (r.reason().isEmpty() ? "" : " " + r.reason());
            if (r.status() == 401 || r.status() == 403) {
                return new ActionResult(ActionResult.Status.FAILED, asset.baseUrl() + " refused the credentials ("
                        + head + "); check auth and its secret", ctx.parameters(), answer.data(), answer.summary(),
                        ActionResult.Failure.PERMANENT);
            }
            if (r.status() >= 500) {
                return answer;
            }
            return ActionResult.success(ctx.parameters(), answer.data(), answer.summary(), "connected to "
                    + asset.baseUrl() + ": " + head);
        });
    }

    private Request request(ActionContext ctx) {
        String method = method(ctx.actionName());
        Map<String, Object> p = ctx.parameters();
        URI uri = Locations.resolve(asset, p.get("location"), p.get("query"));
        Request r = Request.of(method, uri).withHeaders(asset.defaultHeaders())
                .withHeaders(HttpAsset.Headers.of(p.get("headers"), "headers"));
        if (Boolean.TRUE.equals(p.get("idempotent")) || "true".equals(String.valueOf(p.get("idempotent")))) {
            r = r.idempotent();
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Bodies.Body body = Bodies.of(p.get("body"), p.get("content_type"));
            if (body != null) {
                r = r.withBody(body.bytes(), body.contentType());
            }
        }
        return authenticated(ctx, r, uri);
    }

    /** The request with the asset's credential, when it goes to the asset's own host. */
    private Request authenticated(ActionContext ctx, Request r, URI uri) {
        HttpAsset.Auth auth = asset.auth();
        if (auth.kind().equals("none")) {
            return r;
        }
        if (!sameOrigin(uri, asset.baseUrl())) {
            // an absolute URL to another host never gets the asset's credential
            ctx.log(r.method() + " to " + uri.getHost() + ", outside base_url: sent without the asset's credentials");
            return r;
        }
        if (auth.inQuery()) {
            String q = Locations.param(auth.name()) + "=" + Locations.param(auth.value());
            String s = uri.toString();
            int hash = s.indexOf('#');
            String head = hash < 0 ? s : s.substring(0, hash);
            URI withKey = URI.create(head + (head.contains("?") ? "&" : "?") + q);
            return new Request(r.method(), withKey, r.headers(), r.body(), r.contentType(), r.safeToRepeat(),
                    r.credentialHeaders(), java.util.Set.of(auth.name()));
        }
        return r.withCredentialHeader(auth.name(), auth.value());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    static String method(String action) {
        String m = action.toUpperCase(Locale.ROOT).replace(" DATA", "");
        if (!HttpSpec.METHODS.contains(m)) {
            throw new IllegalArgumentException("the http app has no action '" + action + "'");
        }
        return m;
    }

    private static List<Integer> expected(Map<String, Object> params) {
        return Answers.expectStatus(params.get("expect_status"));
    }

    private ActionResult failure(Map<String, Object> params, Request request, Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why = cause instanceof HttpFailure || cause instanceof IllegalArgumentException ? cause.getMessage()
                : request.describe() + " failed: " + cause;
        if (!request.safeToRepeat() && InDoubt.lostAnswer(cause)) {
            why = why + "; " + request.describe() + " may or may not have taken effect (the http app cannot look "
                    + "for it): check the server before running it again";
        }
        return ActionResult.failed(params, mask(why), dev.wisp.http.Failures.of(cause));
    }

    private String mask(String text) {
        return asset.http().secrets().mask(text);
    }

    @Override
    public void close() {
        client.close();
    }
}
