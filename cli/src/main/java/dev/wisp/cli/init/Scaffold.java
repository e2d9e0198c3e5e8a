package dev.wisp.cli.init;

import dev.wisp.dsl.schema.SchemaCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code wisp init} writes: a playbook repository's files, from templates in {@code dev/wisp/cli/init/}.
 * Template names have no leading dot (Maven's resource copying skips {@code .gitignore}); {@code {{version}}} and
 * {@code {{action}}} are filled in.
 */
public final class Scaffold {
    /** The GitHub repository that publishes Wisp's releases and its Action ({@code uses: REPOSITORY@vX.Y.Z}). */
    public static final String ACTION_REPOSITORY = "wisp-dev/wisp";

    /** Where the schema goes; the example playbook's yaml-language-server line and .vscode point at it. */
    public static final String SCHEMA = "schema/playbook.schema.json";

    private static final String TEMPLATES = "/dev/wisp/cli/init/";

    /**
     * One file to write.
     *
     * @param path relative to the directory being initialised, with {@code /}
     * @param text its content
     */
    public record File(String path, String text) {
    }

    private Scaffold() {
    }

    /** The files, in the order they are written and reported, for the release {@code version}. */
    public static List<File> files(String version) {
        List<File> files = new ArrayList<>();
        files.add(template("playbooks/triage_alert.yaml", "playbooks/triage_alert.yaml", version));
        files.add(template("playbooks/triage_alert.test.yaml", "playbooks/triage_alert.test.yaml", version));
        files.add(template("playbooks/events/alert.json", "playbooks/events/alert.json", version));
        files.add(new File(SCHEMA, SchemaCheck.text()));
        files.add(template("vscode/settings.json", ".vscode/settings.json", version));
        files.add(template("assets.example.yaml", "assets.example.yaml", version));
        files.add(template("gitignore", ".gitignore", version));
        files.add(template("github/workflows/wisp.yml", ".github/workflows/wisp.yml", version));
        return List.copyOf(files);
    }

    private static File template(String name, String path, String version) {
        try (InputStream in = Scaffold.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no template " + TEMPLATES + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new File(path, text.replace("{{version}}", version).replace("{{action}}", ACTION_REPOSITORY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
