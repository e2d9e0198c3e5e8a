package dev.wisp.http.example;

import dev.wisp.http.AssetHttpClient;
import dev.wisp.http.Excerpt;
import dev.wisp.http.Failures;
import dev.wisp.http.HttpSettings;
import dev.wisp.http.Request;
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The README's "Writing an app" example, compiled and tested here so that it stays true. */
public final class StatusApp implements App {
    @Override
    public AppSpec spec() {
        return new AppSpec("statuspage", "1.0.0", "Status page", "Reads a service's status.",
                List.of(ConfigField.required("base_url", DataType.STRING, "The service's URL"),
                        ConfigField.secret("token", "An API token, as ${env:NAME}")),
                List.of(new ActionSpec("get status", "get_status", ActionType.INVESTIGATE, "Reads /status.",
                        true, true, List.of(), // read-only and safe to repeat
                        List.of(OutputSpec.of("action_result.data.*.status", DataType.STRING, "ok")))));
    }

    @Override
    public AppConnection connect(AssetConfig asset) {
        URI base = HttpSettings.url(asset, "base_url", asset.string("base_url").orElseThrow());
        String token = asset.string("token").orElseThrow();
        AssetHttpClient http = new AssetHttpClient(HttpSettings.from(asset)); // the asset's secrets are masked
        return new AppConnection() {
            @Override
            public CompletionStage<ActionResult> execute(ActionContext ctx) {
                Request get = Request.get(base.resolve("/status"))
                        .withCredentialHeader("Authorization", "Bearer " + token);
                return http.send(ctx, get).handle((r, error) -> {
                    if (error != null) {
                        return ActionResult.failed(ctx.parameters(), Failures.message(error), Failures.of(error));
                    }
                    if (!r.successful()) {
                        return ActionResult.failed(ctx.parameters(), "HTTP " + r.status() + ": "
                                + http.settings().secrets().mask(Excerpt.of(r.text())), Failures.ofStatus(r.status()));
                    }
                    Object status = r.json() instanceof Map<?, ?> m ? m.get("status") : null;
                    return ActionResult.success(ctx.parameters(), List.of(Map.of("status", String.valueOf(status))),
                            Map.of(), "status: " + status);
                });
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }
}
