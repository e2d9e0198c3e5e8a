package dev.wisp.cli.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lines telling how to continue a suspended run, with one {@code --answer} per question it waits for. */
public final class ResumeHint {
    private ResumeHint() {
    }

    /**
     * The hint for a run's report, or nothing if the run is not suspended.
     *
     * @param report   the run's report
     * @param extraArg what the resume command needs besides the answers (e.g. {@code --runs-dir X}), or ""
     */
    @SuppressWarnings("unchecked")
    public static List<String> lines(Map<String, Object> report, String extraArg) {
        if (!(report.get("waiting_for") instanceof List<?> waiting) || waiting.isEmpty()) {
            return List.of();
        }
        Map<String, Object> blocks = (Map<String, Object>) report.getOrDefault("blocks", Map.of());
        StringBuilder cmd = new StringBuilder("  wisp resume ").append(report.get("run_id"));
        for (Object w : waiting) {
            String block = String.valueOf(w);
            List<?> questions = blocks.get(block) instanceof Map<?, ?> b && b.get("prompt") instanceof Map<?, ?> p
                    && p.get("questions") instanceof List<?> q ? q : List.of();
            if (questions.size() <= 1) {
                cmd.append(" --answer ").append(quoted(block + "=" + placeholder(questions, 0)));
            } else {
                for (int i = 0; i < questions.size(); i++) {
                    cmd.append(" --answer ").append(quoted(block + "." + i + "=" + placeholder(questions, i)));
                }
            }
        }
        if (!extraArg.isEmpty()) {
            cmd.append(' ').append(extraArg);
        }
        List<String> out = new ArrayList<>();
        out.add("The run is waiting for " + String.join(", ", waiting.stream().map(String::valueOf).toList())
                + ". Continue it with:");
        out.add(cmd.toString());
        return out;
    }

    private static String placeholder(List<?> questions, int i) {
        if (i < questions.size() && questions.get(i) instanceof Map<?, ?> q && q.get("prompt") != null) {
            return "<" + q.get("prompt") + ">";
        }
        return "...";
    }

    private static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_.=/:-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
