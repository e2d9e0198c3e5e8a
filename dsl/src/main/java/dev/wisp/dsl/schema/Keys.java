package dev.wisp.dsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What keys each part of a playbook allows, and how to name a part in a message, from its JSON pointer. */
final class Keys {
    private static final List<String> ROOT = List.of("playbook", "description", "assets", "inputs", "outputs",
            "blocks", "edges");
    private static final List<String> COMMON = List.of("description", "join");
    private static final List<String> ACTION = List.of("action", "asset", "app", "parameters", "combine",
            "max_concurrency", "timeout", "retry", "repeat", "on_failure");
    private static final List<String> PROMPT = List.of("prompt", "parameters", "responses", "approver", "timeout");
    private static final List<String> FORMAT = List.of("format", "parameters", "separator", "drop_none");
    private static final List<String> PLAYBOOK = List.of("playbook", "inputs");
    private static final List<String> CODE = List.of("code", "inputs", "outputs", "env", "timeout", "on_failure");

    private Keys() {
    }

    static Set<String> allowed(String pointer, JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        String[] p = pointer.split("/", -1);
        if (pointer.isEmpty()) {
            out.addAll(ROOT);
        } else if (p.length == 3 && p[1].equals("assets")) {
            out.addAll(List.of("app", "description"));
        } else if (p.length == 3 && p[1].equals("inputs")) {
            out.addAll(List.of("type", "required", "default", "contains", "description"));
        } else if (p.length == 3 && p[1].equals("outputs")) {
            out.addAll(List.of("value", "description"));
        } else if (p.length == 3 && p[1].equals("blocks")) {
            out.addAll(COMMON);
            if (node != null) {
                for (String kind : SchemaMessages.KINDS) {
                    if (node.has(kind)) {
                        out.addAll(switch (kind) {
                            case "action" -> ACTION;
                            case "prompt" -> PROMPT;
                            case "format" -> FORMAT;
                            case "playbook" -> PLAYBOOK;
                            case "code" -> CODE;
                            default -> List.of(kind);
                        });
                    }
                }
            }
        } else if (pointer.matches("/blocks/[^/]+/code")) {
            out.add("file");
        } else if (pointer.matches("/blocks/[^/]+/outputs/[^/]+")) {
            out.addAll(List.of("type", "description"));
        } else if (pointer.endsWith("/retry")) {
            out.addAll(List.of("attempts", "backoff", "multiplier", "max_backoff"));
        } else if (pointer.endsWith("/repeat")) {
            out.addAll(List.of("until", "interval", "max_iterations", "max_duration"));
        } else if (pointer.matches(".*/responses/[0-9]+")) {
            out.addAll(List.of("prompt", "type", "options"));
        } else if (pointer.matches("/blocks/[^/]+/(filter|decision)/[^/]+|.*/until")) {
            out.addAll(List.of("all", "any", "case_sensitive"));
        } else if (pointer.matches(".*/parameters/[^/]+|.*/inputs/[^/]+|.*/value")) {
            out.add("value");
        }
        return out;
    }

    /** "; did you mean 'x'?" or the allowed keys. */
    static String suggestion(String key, Set<String> allowed) {
        if (allowed.isEmpty()) {
            return "";
        }
        return allowed.stream().min(Comparator.comparingInt(a -> distance(a, key)))
                .filter(best -> distance(best, key) <= Math.max(2, key.length() / 3))
                .map(best -> "; did you mean '" + best + "'?")
                .orElse("; allowed keys are " + String.join(", ", allowed));
    }

    static String requiredHint(String pointer, String prop) {
        if (pointer.isEmpty()) {
            return switch (prop) {
                case "playbook" -> ": the playbook's name, e.g. 'playbook: capture_ec2_instance'";
                case "blocks" -> ": the blocks, by name";
                default -> ": the list of edges, e.g. '- start -> first_block'";
            };
        }
        return "";
    }

    /** A human name for the part of the playbook at a pointer. */
    static String where(String pointer) {
        String[] p = pointer.split("/", -1);
        if (pointer.isEmpty()) {
            return "the playbook";
        }
        if (p.length == 2) {
            return "'" + p[1] + "'";
        }
        String name = SchemaMessages.last("/" + p[2]);
        if (pointer.matches("/blocks/[^/]+/responses/[0-9]+")) {
            return "response " + p[4] + " of block '" + name + "'";
        }
        return switch (p[1]) {
            case "blocks" -> p.length == 3 ? "block '" + name + "'" : "'" + SchemaMessages.last(pointer)
                    + "' of block '" + name + "'";
            case "assets" -> p.length == 3 ? "asset '" + name + "'" : "'" + SchemaMessages.last(pointer)
                    + "' of asset '" + name + "'";
            case "inputs" -> p.length == 3 ? "input '" + name + "'" : "'" + SchemaMessages.last(pointer)
                    + "' of input '" + name + "'";
            case "outputs" -> p.length == 3 ? "output '" + name + "'" : "'" + SchemaMessages.last(pointer)
                    + "' of output '" + name + "'";
            case "edges" -> "edge " + (p.length > 2 ? p[2] : "");
            default -> "'" + p[1] + "'";
        };
    }

    static boolean isValuePosition(String pointer) {
        return pointer.matches("/blocks/[^/]+/(parameters|inputs)/[^/]+|/blocks/[^/]+/parameters/[0-9]+"
                + "|/outputs/[^/]+/value");
    }

    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
