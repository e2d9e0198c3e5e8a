package dev.wisp.dsl.check;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** The closest candidate within a distance of a third of the word's length (at least 2), if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 3);
        return candidates.stream()
                .map(c -> java.util.Map.entry(c, distance(word.toLowerCase(), c.toLowerCase())))
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.comparingInt(java.util.Map.Entry<String, Integer>::getValue)
                        .thenComparing(java.util.Map.Entry::getKey))
                .map(java.util.Map.Entry::getKey);
    }

    /** "; did you mean 'x'?" or nothing. */
    static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /**
     * The declared data path closest to {@code path} segment by segment: a segment left out or added costs 1, a
     * misspelt one 1, another one 2, and a different last segment (the field itself) 1 more, so
     * {@code data.*.*.pipeline_id} finds {@code data.*.pipelines.*.pipeline_id} before {@code data.*.pipelines.*.name}.
     */
    static Optional<String> closestPath(String path, Collection<String> candidates) {
        List<String> segs = List.of(path.split("\\."));
        return candidates.stream()
                .map(c -> java.util.Map.entry(c, pathDistance(segs, List.of(c.split("\\.")))))
                .filter(e -> e.getValue() <= Math.max(2, segs.size() / 2))
                .min(Comparator.comparingInt(java.util.Map.Entry<String, Integer>::getValue)
                        .thenComparing(java.util.Map.Entry::getKey))
                .map(java.util.Map.Entry::getKey);
    }

    private static int pathDistance(List<String> a, List<String> b) {
        int[][] d = new int[a.size() + 1][b.size() + 1];
        for (int i = 0; i <= a.size(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.size(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + segmentCost(a.get(i - 1), b.get(j - 1)));
            }
        }
        String leafA = a.get(a.size() - 1);
        String leafB = b.get(b.size() - 1);
        return d[a.size()][b.size()] + (leafA.equals(leafB) ? 0 : 1);
    }

    private static int segmentCost(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        return distance(a.toLowerCase(), b.toLowerCase()) <= Math.max(1, a.length() / 3) ? 1 : 2;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
