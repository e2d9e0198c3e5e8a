package dev.wisp.soar;

import dev.wisp.http.Excerpt;
import dev.wisp.http.Failures;
import dev.wisp.http.InDoubt;
import dev.wisp.http.Request;
import dev.wisp.http.Response;
import dev.wisp.spi.ActionResult;
import java.util.Map;

/**
 * Splunk SOAR's answers: a JSON object on success; a 4xx or 5xx, or {@code "failed": true}, with its
 * {@code message} on refusal.
 */
final class Answers {
    private Answers() {
    }

    /**
     * The JSON object SOAR answered.
     *
     * @throws SoarFailure saying what SOAR refused, or that its answer is not one
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Request sent, Response response) {
        Object json;
        try {
            json = response.json();
        } catch (IllegalArgumentException e) {
            json = null;
        }
        if (!response.successful() || json instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("failed"))) {
            String said = json instanceof Map<?, ?> m && m.get("message") != null ? String.valueOf(m.get("message"))
                    : Excerpt.of(response.text());
            String why = switch (response.status()) {
                case 401 -> "Splunk SOAR refused the token (HTTP 401); check the asset's token";
                case 403 -> "the token's user may not do this (HTTP 403)";
                case 404 -> "not found (HTTP 404)";
                default -> "HTTP " + response.status();
            };
            String doubt = !sent.safeToRepeat() && InDoubt.unknownStatus(response.status()) ? "; it may or may not "
                    + "have reached the case: look at it before running this again" : "";
            throw new SoarFailure(sent.describe() + ": " + why + (said.isBlank() ? "" : ": " + said) + doubt,
                    response.successful() ? ActionResult.Failure.PERMANENT : Failures.ofStatus(response.status()));
        }
        if (!(json instanceof Map<?, ?>)) {
            throw new SoarFailure(sent.describe() + ": Splunk SOAR answered HTTP " + response.status()
                    + " without a JSON object: " + Excerpt.of(response.text()), ActionResult.Failure.UNSPECIFIED);
        }
        return (Map<String, Object>) json;
    }
}
