package dev.wisp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --app-spec DIR}, repeatable: more folders of app specs besides the {@code apps/} folders found. */
final class AppSpecOption {
    @Option(names = "--app-spec", paramLabel = "DIR", description = "A folder of app specs (<app id>.yaml; "
            + "repeatable), besides apps/ beside the playbook and in its project root (docs/app-specs.md).")
    List<Path> dirs = new ArrayList<>();
}
