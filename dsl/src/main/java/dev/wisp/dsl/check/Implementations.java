package dev.wisp.dsl.check;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WSP079, checked before a run (not by {@code wisp validate}): action blocks whose app is known only from its spec
 * file, so that nothing could execute them. A run of such a playbook is refused before it starts.
 */
public final class Implementations {
    private Implementations() {
    }

    /** One error per action block of a spec-only app, at its action, in block order. */
    public static List<Diagnostic> missing(Playbook playbook, AppCatalog catalog) {
        List<Diagnostic> out = new ArrayList<>();
        for (Block b : playbook.blocks().values()) {
            if (b instanceof Block.ActionBlock a) {
                String appId = playbook.appOf(a);
                Optional<SpecOnlyApp> spec = appId == null ? Optional.empty() : catalog.specOnly(appId);
                spec.ifPresent(s -> out.add(Diagnostic.of(Code.WSP079, a.actionLocation(), "block '" + a.name()
                        + "' uses action '" + a.action() + "' of app '" + appId + "', which has no implementation "
                        + "installed: it is known only from its spec " + s.file() + ", enough to validate and test "
                        + "but not to run (install a plugin that provides '" + appId + "')")));
            }
        }
        return out.stream().sorted().toList();
    }
}
