package dev.wisp.plugins.http;

import dev.wisp.http.HttpSettings;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import dev.wisp.spi.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code http} app's metadata: one action per method, with typed outputs for data paths. */
final class HttpSpec {
    static final String APP_ID = "http";
    /** The methods, in documentation order; GET and HEAD are read-only. */
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private HttpSpec() {
    }

    static AppSpec spec() {
        List<ActionSpec> actions = new ArrayList<>();
        actions.add(testConnectivity());
        METHODS.forEach(m -> actions.add(action(m)));
        return new AppSpec(APP_ID, "1.0.0", "HTTP",
                "Any REST API: GET, POST, PUT, PATCH, DELETE and HEAD under an asset's base_url, with auth, TLS, "
                        + "retries only where safe and secrets kept out of every output.",
                configuration(), actions);
    }

    static String actionName(String method) {
        return method.toLowerCase(Locale.ROOT) + " data";
    }

    private static List<ConfigField> configuration() {
        List<ConfigField> fields = new ArrayList<>(List.of(
                ConfigField.required("base_url", DataType.STRING,
                        "The API root every location is under, e.g. https://api.example.com/v1"),
                ConfigField.optional("auth", DataType.STRING, "none",
                        "none, basic (username and password), bearer (token), api_key_header or api_key_query "
                                + "(api_key, sent as api_key_name)"),
                ConfigField.optional("username", DataType.STRING, null, "The user name for auth: basic"),
                optionalSecret("password", "The password for auth: basic"),
                optionalSecret("token", "The token for auth: bearer, sent as Authorization: Bearer"),
                optionalSecret("api_key", "The key for auth: api_key_header or api_key_query"),
                ConfigField.optional("api_key_name", DataType.STRING, null,
                        "The header (default X-API-Key) or query parameter (default api_key) that carries api_key"),
                ConfigField.optional("default_headers", DataType.OBJECT, null,
                        "Headers sent with every request, e.g. {Accept: application/json}"),
                ConfigField.optional("allow_absolute_urls", DataType.BOOLEAN, false,
                        "Whether location may be an absolute URL outside base_url (credentials never go along)")));
        fields.addAll(HttpSettings.configFields());
        return fields;
    }

    private static ActionSpec testConnectivity() {
        return new ActionSpec("test connectivity", "test_connectivity", ActionType.TEST,
                "GETs base_url with the asset's auth: fails when the server cannot be reached, refuses the credentials "
                        + "(401, 403) or fails (5xx); any other answer means it is reachable.", true, true, List.of(),
                List.of(OutputSpec.of("action_result.data.*.status_code", DataType.NUMERIC, 200),
                        OutputSpec.of("action_result.summary.status_code", DataType.NUMERIC, 200),
                        OutputSpec.of("action_result.status", DataType.STRING, "success"),
                        OutputSpec.of("action_result.message", DataType.STRING,
                                "connected to https://api.example.com/v1: HTTP 200 OK")));
    }

    private static ConfigField optionalSecret(String name, String description) {
        return new ConfigField(name, DataType.PASSWORD, false, null, true, description);
    }

    private static ActionSpec action(String method) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean body = !read;
        List<ParameterSpec> params = new ArrayList<>();
        params.add(ParameterSpec.builder("location", DataType.STRING).required().contains("url path")
                .example("/users/42").description("The path under base_url (or an absolute URL, when the asset "
                        + "allows it), with or without a query").build());
        params.add(ParameterSpec.builder("headers", DataType.OBJECT).example(Map.of("Accept", "application/json"))
                .description("Headers for this request, over the asset's default_headers").build());
        params.add(ParameterSpec.builder("query", DataType.OBJECT).example(Map.of("page", 2))
                .description("Query parameters, percent-encoded; a list value repeats the parameter").build());
        if (body) {
            params.add(ParameterSpec.builder("body", DataType.ANY).example(Map.of("name", "IR 42"))
                    .description("The body: an object, list, number or boolean is sent as JSON; text is sent as it "
                            + "is").build());
            params.add(ParameterSpec.builder("content_type", DataType.STRING).example("application/json")
                    .description("The body's Content-Type (default application/json for JSON values, text/plain "
                            + "for text); a JSON type requires a body that is JSON").build());
            params.add(ParameterSpec.builder("idempotent", DataType.BOOLEAN).defaultValue(false).example(true)
                    .description("Whether sending this request twice is harmless, so that it may be sent again "
                            + "after a failure that leaves its effect unknown").build());
        }
        params.add(ParameterSpec.builder("expect_status", DataType.ANY).example(List.of(200, 201))
                .description("The statuses that count as success: a number, a list, or text such as \"200,404\" "
                        + "(default: any 2xx)").build());
        List<OutputSpec> outs = new ArrayList<>(List.of(
                OutputSpec.of("action_result.data.*.status_code", DataType.NUMERIC, 200),
                OutputSpec.of("action_result.data.*.reason", DataType.STRING, "OK"),
                OutputSpec.of("action_result.data.*.headers", DataType.OBJECT, Map.of("content-type",
                        "application/json")),
                OutputSpec.of("action_result.data.*.response_body", DataType.ANY, Map.of("id", 42)),
                OutputSpec.of("action_result.data.*.parsed_response_body", DataType.ANY, Map.of("id", 42)),
                OutputSpec.of("action_result.data.*.location", DataType.STRING, "https://api.example.com/v1/users/42",
                        "url"),
                OutputSpec.of("action_result.summary.status_code", DataType.NUMERIC, 200),
                OutputSpec.of("action_result.summary.reason", DataType.STRING, "OK")));
        for (ParameterSpec p : params) {
            outs.add(new OutputSpec("action_result.parameter." + p.name(), p.type(), p.contains(),
                    p.example() == null ? List.of() : List.of(p.example())));
        }
        outs.add(OutputSpec.of("action_result.status", DataType.STRING, "success"));
        outs.add(OutputSpec.of("action_result.message", DataType.STRING, "HTTP 200 OK from GET /users/42"));
        String description = switch (method) {
            case "GET" -> "Reads a resource: safe to repeat, so it is sent again after passing faults.";
            case "HEAD" -> "Reads a resource's headers only: safe to repeat.";
            case "POST" -> "Sends a body to create or act; not repeated unless marked idempotent.";
            case "PUT" -> "Replaces a resource with the body; not repeated unless marked idempotent.";
            case "PATCH" -> "Changes part of a resource; not repeated unless marked idempotent.";
            default -> "Deletes a resource; not repeated unless marked idempotent.";
        };
        ActionType type = read ? ActionType.INVESTIGATE : ActionType.GENERIC;
        // shown as the answer's status and where it came from, then the body as the generic view cannot (one value)
        return new ActionSpec(actionName(method), actionName(method).replace(' ', '_'), type, description, read, read,
                params, outs).withViews(new View.Summary("Answer", List.of(
                        new View.Field("Status", "action_result.summary.status_code", View.Format.NUMBER),
                        new View.Field("Reason", "action_result.summary.reason", View.Format.STATE),
                        new View.Field("From", "action_result.data.*.location", View.Format.TEXT),
                        new View.Field("Body", "action_result.data.*.response_body", View.Format.TEXT))));
    }
}
