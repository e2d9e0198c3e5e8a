package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.util.List;
import java.util.Objects;

/**
 * One question of a prompt; its answer is {@code <prompt>:action_result.summary.responses.<index>}.
 *
 * @param prompt   the question
 * @param type     text, yes/no, or a list of options
 * @param options  the choices of a list question (empty otherwise)
 * @param location where it is written
 */
public record PromptResponse(String prompt, Type type, List<String> options, Location location) {
    /** The kind of answer a question takes. */
    public enum Type {
        TEXT("text"),
        YES_NO("yes/no"),
        LIST("list");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Parses the YAML spelling; returns {@code null} when unknown. */
        public static Type fromId(String id) {
            for (Type t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            return null;
        }
    }

    public PromptResponse {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        options = List.copyOf(options == null ? List.of() : options);
    }
}
