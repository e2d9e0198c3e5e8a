package dev.wisp.dsl.check;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.dsl.path.Segment;
import java.util.List;

/**
 * Where a value's rows come from, for the cross-product check: {@code null} for single values (literals, inputs and
 * container fields without {@code *}, prompt answers, a format's whole text), else a name of the source.
 */
final class Sources {
    private Sources() {
    }

    static String multiValuedSource(Playbook playbook, Value v) {
        if (!(v instanceof Value.PathRef ref)) {
            return null;
        }
        return source(playbook, ref.path());
    }

    private static String source(Playbook playbook, DataPath path) {
        if (path instanceof DataPath.BlockPath bp) {
            Block b = playbook.blocks().get(bp.block());
            boolean wildcard = hasWildcard(bp.segments());
            if (b instanceof Block.PromptBlock || b instanceof Block.FormatBlock || b instanceof Block.PlaybookBlock) {
                return wildcard ? bp.block() : null;
            }
            return bp.block();
        }
        if (path instanceof DataPath.FilteredPath fp) {
            String inner = source(playbook, fp.inner());
            return inner == null ? fp.filter() : inner;
        }
        if (path instanceof DataPath.InputPath ip) {
            return hasWildcard(ip.segments()) ? "playbook_input:" + ip.name() : null;
        }
        if (path instanceof DataPath.ContainerPath cp) {
            return hasWildcard(cp.segments()) ? "container" : null;
        }
        if (path instanceof DataPath.ArtifactPath) {
            return "artifacts";
        }
        return path.text();
    }

    private static boolean hasWildcard(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s instanceof Segment.Wildcard);
    }
}
