package dev.wisp.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Before a run: every action block whose app is known only from its spec is refused, where it names its action. */
class ImplementationsTest {
    private static final AppSpec SSH = new AppSpec("ssh", "2.4.10", "SSH", "", List.of(), List.of(
            new ActionSpec("execute program", "ssh_execute_command", ActionType.GENERIC, "", false, false, List.of(),
                    List.of())));

    private static Playbook playbook() {
        return new PlaybookLoader(List.of()).loadString("""
                playbook: p
                assets: { box: { app: ssh } }
                blocks:
                  run_it:
                    action: execute program
                    asset: box
                  again:
                    action: execute program
                    asset: box
                edges: [start -> run_it, run_it -> again, again -> end]
                """, "p.yaml").playbook().orElseThrow();
    }

    @Test
    void anActionOfASpecOnlyAppHasNoImplementation() {
        AppCatalog catalog = AppCatalog.empty().withSpecOnly(List.of(new SpecOnlyApp(SSH, Set.of(), "apps/ssh.yaml")));
        assertEquals(List.of("p.yaml:5:13: error[WSP079]: block 'run_it' uses action 'execute program' of app 'ssh', "
                        + "which has no implementation installed: it is known only from its spec apps/ssh.yaml, "
                        + "enough to validate and test but not to run (install a plugin that provides 'ssh')",
                        "p.yaml:8:13: error[WSP079]: block 'again' uses action 'execute program' of app 'ssh', "
                        + "which has no implementation installed: it is known only from its spec apps/ssh.yaml, "
                        + "enough to validate and test but not to run (install a plugin that provides 'ssh')"),
                Implementations.missing(playbook(), catalog).stream().map(Diagnostic::toString).toList());
    }

    @Test
    void anInstalledAppWinsOverItsSpec() {
        AppCatalog catalog = AppCatalog.of(List.of(SSH))
                .withSpecOnly(List.of(new SpecOnlyApp(SSH, Set.of(), "apps/ssh.yaml")));
        assertEquals(List.of(), Implementations.missing(playbook(), catalog));
        assertEquals(true, catalog.isInstalled("ssh"));
    }
}
