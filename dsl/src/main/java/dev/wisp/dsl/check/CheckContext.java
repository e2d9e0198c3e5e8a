package dev.wisp.dsl.check;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.graph.PlaybookGraph;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.AppSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a check sees: the playbook, its graph, the apps, and where to report. One per playbook and run. */
public final class CheckContext {
    private final Playbook playbook;
    private final PlaybookGraph graph;
    private final AppCatalog catalog;
    private final SubPlaybooks subPlaybooks;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public CheckContext(Playbook playbook, AppCatalog catalog, SubPlaybooks subPlaybooks) {
        this.playbook = playbook;
        this.graph = new PlaybookGraph(playbook);
        this.catalog = catalog;
        this.subPlaybooks = subPlaybooks;
    }

    public Playbook playbook() {
        return playbook;
    }

    public PlaybookGraph graph() {
        return graph;
    }

    public AppCatalog catalog() {
        return catalog;
    }

    public SubPlaybooks subPlaybooks() {
        return subPlaybooks;
    }

    public void report(Code code, Location where, String message) {
        diagnostics.add(Diagnostic.of(code, where, message));
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** The app an action block runs on: its asset's app, or its {@code app:}; empty when unknown. */
    public Optional<AppSpec> appOf(Block.ActionBlock block) {
        String appId = playbook.appOf(block);
        return appId == null ? Optional.empty() : catalog.app(appId);
    }

    /** The spec of an action block's action; empty when its app or action is unknown. */
    public Optional<ActionSpec> actionOf(Block.ActionBlock block) {
        return appOf(block).flatMap(app -> app.action(block.action()));
    }
}
