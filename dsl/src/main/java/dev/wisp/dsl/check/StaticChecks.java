package dev.wisp.dsl.check;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.model.Playbook;
import java.util.List;

/** Runs every static check on a playbook. Stateless and thread-safe. */
public final class StaticChecks {
    private static final List<Check> ALL = List.of(new EdgeCheck(), new GraphShapeCheck(), new ActionCheck(),
            new PathCheck(), new PlaceholderCheck(), new ProductCheck(), new OutputTypeCheck(),
            new SubPlaybookCheck(), new SubPlaybookCycleCheck(), new MultiValuedComparisonCheck(), new RetryCheck(),
            new FilterPortCheck(), new CodeOutputCheck(), new CodeIoCheck(), new FormatSectionCheck());

    private StaticChecks() {
    }

    /** Every problem of the playbook, sorted by location. */
    public static List<Diagnostic> run(Playbook playbook, AppCatalog catalog, SubPlaybooks subPlaybooks) {
        CheckContext ctx = new CheckContext(playbook, catalog, subPlaybooks);
        for (Check c : ALL) {
            c.run(ctx);
        }
        return ctx.diagnostics().stream().sorted().toList();
    }
}
