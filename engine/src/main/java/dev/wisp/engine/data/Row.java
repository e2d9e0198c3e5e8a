package dev.wisp.engine.data;

import java.util.List;

/**
 * One value a data path yields, with where it came from: the action result's index, then the index taken at each
 * {@code *}. Keys align values of one source (broadcast) and restrict values to a filter's matches.
 *
 * @param key   the position
 * @param value the value (null when the path leads nowhere)
 */
public record Row(List<Integer> key, Object value) {
    public Row {
        key = List.copyOf(key);
    }

    /** Whether this row's key starts with {@code prefix} (or equals it). */
    public boolean under(List<Integer> prefix) {
        return key.size() >= prefix.size() && key.subList(0, prefix.size()).equals(prefix);
    }
}
