package dev.wisp.importer.app;

import dev.wisp.dsl.diag.Code;
import java.util.Optional;
import java.util.Set;

/** SOAR output data paths as Wisp declares them: list indices as {@code *}, and what cannot be declared reported. */
final class SoarPaths {
    /** The block summary Wisp computes for every action block itself (docs/playbook-format.md). */
    private static final Set<String> BLOCK_SUMMARY = Set.of("summary.total_objects", "summary.total_objects_successful");

    private SoarPaths() {
    }

    /**
     * The path to declare, or none: {@code summary.total_objects(_successful)} are Wisp's own block summary (nothing to
     * declare, nothing lost); other paths outside {@code action_result}, and paths with an empty segment, are
     * reported (WSP158).
     */
    static Optional<String> normalise(SoarAppConverter.Findings f, String at, String raw, String action) {
        String path = raw.strip();
        if (BLOCK_SUMMARY.contains(path)) {
            return Optional.empty();
        }
        if (!path.startsWith("action_result.")) {
            f.warn(Code.WSP158, at, action + " declares " + raw + ", which is not under action_result (Wisp's "
                    + "block summary has only total_objects and total_objects_successful): not converted");
            return Optional.empty();
        }
        String[] segs = path.split("\\.", -1);
        StringBuilder b = new StringBuilder();
        for (String s : segs) {
            if (s.isEmpty()) {
                f.warn(Code.WSP158, at, action + " declares the malformed path '" + raw + "' (an empty segment): "
                        + "not converted");
                return Optional.empty();
            }
            b.append(b.length() == 0 ? "" : ".").append(s.chars().allMatch(Character::isDigit) ? "*" : s);
        }
        return Optional.of(b.toString());
    }
}
