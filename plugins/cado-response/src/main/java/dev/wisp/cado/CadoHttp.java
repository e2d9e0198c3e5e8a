package dev.wisp.cado;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.http.AssetHttpClient;
import dev.wisp.http.Request;
import dev.wisp.http.Response;
import dev.wisp.spi.ActionContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Cado Response v2 API over the shared {@link AssetHttpClient}: the Bearer token (a credential, never sent to
 * another host), JSON in and out. Which requests are sent again is the shared {@link dev.wisp.http.RetryPolicy}:
 * GETs after connection failures and 408/429/5xx, POSTs only when refused unprocessed (connection refused, 429).
 */
final class CadoHttp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CadoSettings settings;
    private final AssetHttpClient client;

    CadoHttp(CadoSettings settings) {
        this.settings = settings;
        this.client = new AssetHttpClient(settings.http());
    }

    /** {@code /projects/7/imports/ec2} from segments, each percent-encoded. */
    static String path(Object... segments) {
        StringBuilder out = new StringBuilder();
        for (Object s : segments) {
            out.append('/').append(URLEncoder.encode(Ids.text(s), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    URI uri(String path, Map<String, Object> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> {
            if (v != null) {
                q.append(q.length() == 0 ? "?" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(Ids.text(v), StandardCharsets.UTF_8));
            }
        });
        return URI.create(settings.baseUrl() + path + q);
    }

    CompletionStage<ApiResponse> get(ActionContext ctx, String path, Map<String, Object> query) {
        return send(ctx, Request.get(uri(path, query)).withHeader("Content-Type", "application/json"));
    }

    CompletionStage<ApiResponse> post(ActionContext ctx, String path, Map<String, Object> body) {
        try {
            return send(ctx, Request.post(uri(path, Map.of()), JSON.writeValueAsString(body), "application/json"));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new CadoException(0, "cannot encode the request: " + e.getMessage()));
        }
    }

    private CompletionStage<ApiResponse> send(ActionContext ctx, Request request) {
        Request r = request.withHeader("Accept", "application/json")
                .withCredentialHeader("Authorization", "Bearer " + settings.token());
        return client.send(ctx, r).thenApply(CadoHttp::toApiResponse);
    }

    private static ApiResponse toApiResponse(Response r) {
        String text = r.text();
        String contentType = r.contentType();
        Object json = null;
        if (!text.isBlank() && contentType.contains("json")) {
            try {
                json = JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                return new ApiResponse(r.status(), new Malformed(e.getOriginalMessage()), contentType, text);
            }
        }
        return new ApiResponse(r.status(), json, contentType, text);
    }

    /** Marks a body that claimed to be JSON but was not. */
    record Malformed(String problem) {
    }

    Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    @Override
    public void close() {
        client.close();
    }
}
