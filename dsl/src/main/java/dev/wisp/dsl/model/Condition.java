package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.util.List;
import java.util.Objects;

/**
 * A named condition of a filter or decision (or a repeat's {@code until}). Comparisons are evaluated per item:
 * with {@code all}, every comparison must hold on the same item (the same action result row, artifact, ...).
 *
 * @param name          the condition's name, which is also its output port ({@code condition_1}, {@code high})
 * @param logic         all (and) or any (or)
 * @param comparisons   at least one comparison
 * @param caseSensitive whether string comparisons respect case (default true, as in SOAR)
 * @param location      where the condition is written
 */
public record Condition(String name, Logic logic, List<Comparison> comparisons, boolean caseSensitive,
                        Location location) {
    /** How a condition's comparisons combine. */
    public enum Logic {
        ALL("all"),
        ANY("any");

        private final String id;

        Logic(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Condition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(logic, "logic");
        Objects.requireNonNull(location, "location");
        comparisons = List.copyOf(comparisons);
    }
}
