package dev.wisp.dsl.check;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.dsl.path.Segment;
import java.util.List;

/**
 * Where a value's rows come from: {@code null} for single values (literals, inputs and container fields without
 * {@code *}, prompt answers, a format's whole text), else a name of the source. The cross-product check uses it, and
 * so do conditions at run time: a condition iterates the items of its first multi-valued source.
 */
public final class Sources {
    private Sources() {
    }

    /** The multi-valued source of a value, or null when it is a single value. */
    public static String multiValuedSource(Playbook playbook, Value v) {
        if (!(v instanceof Value.PathRef ref)) {
            return null;
        }
        return source(playbook, ref.path());
    }

    /** The multi-valued source of a path, or null when it yields a single value. */
    public static String source(Playbook playbook, DataPath path) {
        if (path instanceof DataPath.BlockPath bp) {
            Block b = playbook.blocks().get(bp.block());
            boolean wildcard = hasWildcard(bp.segments());
            if (b instanceof Block.PromptBlock || b instanceof Block.FormatBlock || b instanceof Block.PlaybookBlock
                    || b instanceof Block.CodeBlock) {
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
