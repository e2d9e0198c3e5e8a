package dev.wisp.dsl.path;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed data path, as SOAR writes them. The engine compiles each form to a JsonPath over the run's data;
 * the static checks use the structure to find the blocks a path depends on.
 */
public sealed interface DataPath {

    /** The text as SOAR writes it; parsing it again gives an equal path. */
    String text();

    /**
     * {@code block:action_result.data.*.id}, {@code block:action_result.summary.responses.0},
     * {@code format_1:formatted_data.*}, {@code sub:playbook_output:name.x}, {@code code_1:custom_function:name}.
     *
     * @param block    the block named before the colon
     * @param segments what follows the colon; for sub-playbook outputs the first segment is
     *                 {@code playbook_output} and the second the output's name; likewise {@code custom_function}
     *                 for code block outputs
     */
    record BlockPath(String block, List<Segment> segments) implements DataPath {
        public BlockPath {
            Objects.requireNonNull(block, "block");
            segments = List.copyOf(segments);
        }

        /**
         * The first segment's name ({@code action_result}, {@code formatted_data}, {@code playbook_output},
         * {@code custom_function}).
         */
        public String root() {
            return segments.isEmpty() ? "" : segments.get(0).toString();
        }

        @Override
        public String text() {
            if ((root().equals("playbook_output") || root().equals("custom_function")) && segments.size() > 1) {
                return block + ":" + root() + ":" + join(segments.subList(1, segments.size()));
            }
            return block + ":" + join(segments);
        }
    }

    /** {@code filtered-data:filter_1:condition_1:<inner path>}: the inner path restricted to the filter's matches. */
    record FilteredPath(String filter, String condition, DataPath inner) implements DataPath {
        public FilteredPath {
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public String text() {
            return "filtered-data:" + filter + ":" + condition + ":" + inner.text();
        }
    }

    /** {@code playbook_input:name[.sub.path]}. */
    record InputPath(String name, List<Segment> segments) implements DataPath {
        public InputPath {
            Objects.requireNonNull(name, "name");
            segments = List.copyOf(segments);
        }

        @Override
        public String text() {
            return "playbook_input:" + name + (segments.isEmpty() ? "" : "." + join(segments));
        }
    }

    /** {@code container:field[.sub]}: the event's container. */
    record ContainerPath(List<Segment> segments) implements DataPath {
        public ContainerPath {
            segments = List.copyOf(segments);
        }

        @Override
        public String text() {
            return "container:" + join(segments);
        }
    }

    /** {@code artifact:*.cef.field}: the event's artifacts. */
    record ArtifactPath(List<Segment> segments) implements DataPath {
        public ArtifactPath {
            segments = List.copyOf(segments);
        }

        @Override
        public String text() {
            return "artifact:" + join(segments);
        }
    }

    /** A raw JsonPath over the run data ({@code $.blocks.x.results[*].data[*].id}), for what the other forms cannot say. */
    record RawJsonPath(String expression) implements DataPath {
        public RawJsonPath {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String text() {
            return expression;
        }
    }

    private static String join(List<Segment> segments) {
        return segments.stream().map(Segment::toString).collect(Collectors.joining("."));
    }
}
