package dev.wisp.dsl.source;

import dev.wisp.dsl.diag.Location;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Where a YAML limit was passed. SnakeYAML's composer reports too many aliases and too deep nesting without a
 * mark; the parser's events (which the limits do not stop) still have one, so the text is walked again to find the
 * alias that was one too many and the collection that was one level too deep.
 */
final class LimitLocator {
    private LimitLocator() {
    }

    /** The (maxAliases + 1)th alias to a collection, as the composer counts them; null if there is none. */
    static Location alias(String text, String file, int maxAliases) {
        Set<String> collections = new HashSet<>();
        int aliases = 0;
        try {
            for (Event e : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent c && c.getAnchor() != null) {
                    collections.add(c.getAnchor());
                } else if (e instanceof AliasEvent a && collections.contains(a.getAnchor())
                        && ++aliases > maxAliases) {
                    return at(file, ((NodeEvent) a).getStartMark());
                }
            }
        } catch (YAMLException e) {
            return null;
        }
        return null;
    }

    /** The first collection nested deeper than {@code maxDepth}; null if there is none. */
    static Location depth(String text, String file, int maxDepth) {
        int depth = 0;
        try {
            for (Event e : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent c && ++depth > maxDepth) {
                    return at(file, c.getStartMark());
                } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
                    depth--;
                }
            }
        } catch (YAMLException e) {
            return null;
        }
        return null;
    }

    private static Location at(String file, Mark mark) {
        return mark == null ? null : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
