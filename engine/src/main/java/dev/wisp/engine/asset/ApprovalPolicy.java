package dev.wisp.engine.asset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.parse.Durations;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.spi.ActionType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who approves actions on an asset (Phantom's owners and approvals): which action types need approval, the primary
 * and secondary owners, and the SLA after which an unanswered approval goes to the secondary owners.
 */
public record ApprovalPolicy(List<String> primary, List<String> secondary, Set<ActionType> requiredFor, Duration sla) {
    public ApprovalPolicy {
        primary = List.copyOf(primary);
        secondary = List.copyOf(secondary);
        requiredFor = Set.copyOf(requiredFor);
    }

    public boolean requires(ActionType type) {
        return requiredFor.contains(type);
    }

    /** The policy of an asset entry with {@code owners} and {@code approval}, or null; problems located. */
    public static ApprovalPolicy from(JsonNode asset, String p, SourceDocument doc, List<String> problems) {
        JsonNode approval = asset.get("approval");
        if (approval == null) {
            return null;
        }
        List<String> primary = strings(asset.path("owners").path("primary"));
        List<String> secondary = strings(asset.path("owners").path("secondary"));
        Set<ActionType> types = new java.util.HashSet<>();
        for (String t : strings(approval.path("required_for"))) {
            ActionType type = ActionType.fromId(t);
            if (type == null) {
                problems.add(doc.valueLocation(p + "/approval/required_for") + ": '" + t + "' is not an action type; "
                        + "use investigate, contain, correct, generic");
            } else {
                types.add(type);
            }
        }
        Duration sla = Durations.parse(approval.path("sla").asText("60m"));
        if (sla == null) {
            problems.add(doc.valueLocation(p + "/approval/sla") + ": the SLA must be a duration such as 60m");
            sla = Duration.ofMinutes(60);
        }
        if (primary.isEmpty()) {
            problems.add(doc.valueLocation(p + "/approval") + ": approval needs owners.primary to ask");
        }
        return new ApprovalPolicy(primary, secondary, types, sla);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }
}
