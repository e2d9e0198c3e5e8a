package dev.wisp.plugins.http;

import dev.wisp.http.Excerpt;
import dev.wisp.http.Request;
import dev.wisp.http.Response;
import dev.wisp.http.Secrets;
import dev.wisp.spi.ActionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An answer as an action result: its data item, summary and message; failed unless its status is expected. */
final class Answers {
    private Answers() {
    }

    /** The statuses that count as success, or empty for any 2xx. */
    static List<Integer> expectStatus(Object v) {
        if (v == null || v instanceof String s && s.isBlank()) {
            return List.of();
        }
        List<Object> raw = new ArrayList<>();
        if (v instanceof List<?> l) {
            raw.addAll(l);
        } else if (v instanceof String s) {
            raw.addAll(List.of((Object[]) s.split("[,\\s]+")));
        } else {
            raw.add(v);
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : raw) {
            try {
                int n = o instanceof Number num ? num.intValue() : Integer.parseInt(o.toString().strip());
                if (n < 100 || n > 599) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expect_status must be HTTP statuses (100 to 599), not '" + o
                        + "'");
            }
        }
        return out;
    }

    static ActionResult result(Map<String, Object> params, Request request, Response r, List<Integer> expected,
                               Secrets secrets) {
        String location = secrets.mask(r.uri().toString());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("status_code", r.status());
        item.put("reason", r.reason());
        Map<String, Object> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k, secrets.mask(String.join(", ", v))));
        item.put("headers", headers);
        String text = secrets.mask(r.text());
        Object parsed = null;
        String notJson = null;
        if (r.isJson() && !text.isBlank()) {
            try {
                parsed = new Response(r.status(), r.reason(), r.headers(),
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8), r.uri()).json();
            } catch (IllegalArgumentException e) {
                notJson = e.getMessage();
            }
        }
        item.put("response_body", parsed != null ? parsed : text);
        item.put("parsed_response_body", parsed);
        item.put("location", location);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status_code", r.status());
        summary.put("reason", r.reason());
        String head = "HTTP " + r.status() + (r.reason().isEmpty() ? "" : " " + r.reason()) + " from "
                + request.describe();
        boolean ok = expected.isEmpty() ? r.successful() : expected.contains(r.status());
        if (ok && notJson == null) {
            return ActionResult.success(params, List.of(item), summary, head);
        }
        String excerpt = Excerpt.of(text);
        String why = notJson != null && ok ? head + ": the answer says it is " + r.contentType() + " but "
                + notJson.replace("the answer is", "is") : head + (expected.isEmpty() ? "" : " (expected "
                + expected + ")") + (excerpt.isEmpty() ? "" : ": " + excerpt);
        if (!request.safeToRepeat() && dev.wisp.http.InDoubt.unknownStatus(r.status())) {
            why += "; it may or may not have taken effect: check the server before running it again";
        }
        return new ActionResult(ActionResult.Status.FAILED, secrets.mask(why), params, List.of(item), summary,
                ok ? ActionResult.Failure.PERMANENT : dev.wisp.http.Failures.ofStatus(r.status()));
    }
}
