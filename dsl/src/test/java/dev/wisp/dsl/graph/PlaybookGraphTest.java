package dev.wisp.dsl.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.PlaybookLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaybookGraphTest {
    private static PlaybookGraph graph(String edges, String... blocks) {
        StringBuilder y = new StringBuilder("playbook: g\nblocks:\n");
        for (String b : blocks) {
            y.append("  ").append(b).append(": { format: x }\n");
        }
        y.append("edges: [").append(edges).append("]\n");
        Playbook pb = new PlaybookLoader(List.of()).loadString(y.toString(), "g.yaml").playbook().orElseThrow();
        return new PlaybookGraph(pb);
    }

    @Test
    void upstreamFollowsEdgesBackwardsThroughDiamondsAndNotAcrossBranches() {
        PlaybookGraph g = graph("start -> a, a -> b, a -> c, b -> d, c -> d, a -> x, d -> end, x -> end",
                "a", "b", "c", "d", "x");
        assertTrue(g.isUpstream("a", "d"));
        assertTrue(g.isUpstream("b", "d"));
        assertTrue(g.isUpstream("start", "d"));
        assertFalse(g.isUpstream("x", "d"), "a sibling branch is not upstream");
        assertFalse(g.isUpstream("d", "b"), "downstream is not upstream");
        assertFalse(g.isUpstream("d", "d"), "a block is not its own upstream without a cycle");
        assertFalse(g.isUpstream("nope", "d"));
    }

    @Test
    void onACycleABlockIsItsOwnUpstream() {
        PlaybookGraph g = graph("start -> a, a -> b, b -> a, b -> end", "a", "b");
        assertTrue(g.isUpstream("a", "a"));
        assertTrue(g.isUpstream("b", "a"));
    }

    @Test
    void itAgreesWithAPlainSearchOnRandomGraphs() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(12);
            List<String> blocks = new ArrayList<>();
            List<String> edges = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                blocks.add("b" + i);
            }
            edges.add("start -> b0");
            for (int k = 0; k < n * 2; k++) {
                int from = random.nextInt(n);
                int to = random.nextInt(n);
                if (from != to && (random.nextInt(10) > 0 ? from < to : true)) { // now and then a cycle
                    edges.add("b" + from + " -> b" + to);
                }
            }
            PlaybookGraph g = graph(String.join(", ", edges), blocks.toArray(String[]::new));
            for (String a : blocks) {
                for (String b : blocks) {
                    assertEquals(plain(g, a, b), g.isUpstream(a, b), a + " -> " + b + " in " + edges);
                }
            }
        }
    }

    private static boolean plain(PlaybookGraph g, String ancestor, String node) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(node));
        while (!todo.isEmpty()) {
            for (var e : g.incoming(todo.remove(todo.size() - 1))) {
                if (seen.add(e.from())) {
                    todo.add(e.from());
                }
            }
        }
        return seen.contains(ancestor);
    }
}
