package dev.wisp.cli.show;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.report.RunStore;
import dev.wisp.spi.ActionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A recorded run's views, as a page or as terminal lines: the playbook it ran and its actions' specs, found. */
public final class RunPages {
    private RunPages() {
    }

    /**
     * The playbook as the run ran it: the text kept in its run.json when there is one (the file may have changed
     * since), else the file; null when neither can be read.
     */
    public static Playbook playbook(RunStore store, String runId) {
        Map<String, Object> meta;
        try {
            meta = Files.isRegularFile(store.metadata(runId)) ? store.readJson(store.metadata(runId)) : Map.of();
        } catch (RuntimeException e) {
            meta = Map.of();
        }
        String file = meta.get("playbook") instanceof String f ? f : null;
        String text = meta.get("playbook_text") instanceof String t ? t : null;
        try {
            if (text == null && file != null && Files.isRegularFile(Path.of(file))) {
                text = Files.readString(Path.of(file));
            }
        } catch (IOException e) {
            return null;
        }
        if (text == null) {
            return null;
        }
        LoadResult r = new PlaybookLoader(List.of()).loadString(text, file == null ? "playbook.yaml" : file);
        return r.playbook().orElse(null);
    }

    /** The spec of each action block's action, by block name (null for blocks that are not actions or unknown). */
    public static Function<String, ActionSpec> specs(Playbook playbook, AppCatalog catalog) {
        return block -> {
            if (playbook == null || !(playbook.blocks().get(block) instanceof Block.ActionBlock a)) {
                return null;
            }
            String app = playbook.appOf(a);
            return app == null ? null : catalog.app(app).flatMap(s -> s.action(a.action())).orElse(null);
        };
    }

    /** The page of a run. */
    public static String html(Map<String, Object> report, List<JournalEvent> events, Playbook playbook,
                              AppCatalog catalog) {
        return HtmlReport.render(report, events, playbook, specs(playbook, catalog));
    }

    /**
     * Each block's results through its views, as aligned lines at most {@code width} wide: the first few
     * executions of each block that has results.
     */
    @SuppressWarnings("unchecked")
    public static List<String> terminal(Map<String, Object> report, Playbook playbook, AppCatalog catalog,
                                        int width) {
        Function<String, ActionSpec> specs = specs(playbook, catalog);
        List<String> out = new ArrayList<>();
        Map<String, Map<String, Object>> blocks = (Map<String, Map<String, Object>>) report.getOrDefault("blocks",
                Map.of());
        blocks.forEach((name, b) -> {
            if (!(b.get("results") instanceof List<?> results) || results.isEmpty()
                    || (playbook != null && !(playbook.blocks().get(name) instanceof Block.ActionBlock))) {
                return;
            }
            ActionSpec spec = specs.apply(name);
            List<String> lines = new ArrayList<>();
            int shown = Math.min(3, results.size());
            for (int i = 0; i < shown; i++) {
                Map<String, Object> r = (Map<String, Object>) results.get(i);
                for (Shown s : Views.of(spec, r)) {
                    if (results.size() > 1) {
                        lines.add("  execution " + r.get("index") + ":");
                    }
                    lines.addAll(TerminalViews.lines(s, width, results.size() > 1 ? "    " : "  "));
                }
            }
            if (lines.isEmpty()) {
                return;
            }
            out.add("");
            out.add(name + (spec == null ? "" : " (" + spec.name() + ")"));
            out.addAll(lines);
            if (results.size() > shown) {
                out.add("  ... " + (results.size() - shown) + " more executions (wisp show --html)");
            }
        });
        return out;
    }
}
