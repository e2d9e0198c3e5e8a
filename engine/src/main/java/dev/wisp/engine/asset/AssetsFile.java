package dev.wisp.engine.asset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.dsl.source.YamlReader;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.ConfigField;
import java.io.IOException;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.dsl.source.InputFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code --assets FILE}: per asset its app, its configuration (checked against the app's fields), and who
 * approves what. Secrets are given only as {@code ${env:NAME}} or {@code ${file:PATH}}; a literal secret is refused
 * without being echoed. Every problem is reported at its line and column, all at once.
 */
public final class AssetsFile {
    private static final Pattern REF = Pattern.compile("^\\$\\{(env|file):([^}]+)}$");
    /** A reference's name is echoed only when it looks like what it should be, not like a secret pasted there. */
    /** The largest file a {@code ${file:...}} reference reads. */
    private static final long MAX_SECRET_FILE_BYTES = 1024 * 1024;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");
    private static final Pattern PATH_LIKE = Pattern.compile("[\\p{L}\\p{N}._/~ -]{1,255}");

    /**
     * One configured asset.
     *
     * @param config   the configuration, secrets resolved
     * @param approval who approves which action types, or null
     */
    public record Entry(AssetConfig config, ApprovalPolicy approval) {
    }

    private AssetsFile() {
    }

    public static Map<String, Entry> load(Path file, AppCatalog catalog) {
        return load(file, catalog, System::getenv);
    }

    public static Map<String, Entry> load(Path file, AppCatalog catalog, Function<String, String> env) {
        YamlReader.Result read = new YamlReader().read(file, file.toString());
        if (read.document() == null) {
            throw new AssetsException(read.diagnostics().stream().map(Diagnostic::toString).toList());
        }
        SourceDocument doc = read.document();
        List<String> problems = new ArrayList<>(read.diagnostics().stream().map(Diagnostic::toString).toList());
        Map<String, Entry> out = new LinkedHashMap<>();
        JsonNode assets = doc.root().get("assets");
        if (assets == null || !assets.isObject()) {
            problems.add(doc.valueLocation("") + ": an assets file is a mapping 'assets:' of asset name to "
                    + "{app, config, owners, approval}");
            throw new AssetsException(problems);
        }
        Iterator<Map.Entry<String, JsonNode>> it = assets.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = "/assets/" + SourceDocument.escape(e.getKey());
            Entry entry = entry(e.getKey(), e.getValue(), p, doc, catalog, file, env, problems);
            if (entry != null) {
                out.put(e.getKey(), entry);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssetsException(problems);
        }
        return out;
    }

    private static Entry entry(String name, JsonNode node, String p, SourceDocument doc, AppCatalog catalog,
                               Path file, Function<String, String> env, List<String> problems) {
        if (!node.isObject()) {
            problems.add(doc.valueLocation(p) + ": asset '" + name + "' must be a mapping with app and config");
            return null;
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String k = keys.next();
            if (!Set.of("app", "config", "owners", "approval", "description").contains(k)) {
                problems.add(doc.keyLocation(p + "/" + k) + ": unknown key '" + k + "' in asset '" + name
                        + "'; allowed keys are app, config, owners, approval, description");
            }
        }
        String appId = node.path("app").asText(null);
        AppSpec app = appId == null ? null : catalog.app(appId).orElse(null);
        if (app == null) {
            problems.add(doc.valueLocation(p + "/app") + ": asset '" + name + "' needs 'app:' naming an installed app"
                    + (appId == null ? "" : "; '" + appId + "' is not installed (see wisp actions)"));
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        JsonNode config = node.path("config");
        Set<String> known = new java.util.LinkedHashSet<>();
        for (ConfigField f : app.configuration()) {
            known.add(f.name());
            String fp = p + "/config/" + f.name();
            JsonNode v = config.get(f.name());
            if (f.secret()) {
                secrets.add(f.name());
            }
            if (v == null || v.isNull()) {
                if (f.required()) {
                    problems.add(doc.valueLocation(p + "/config") + ": asset '" + name + "' needs config field '"
                            + f.name() + "' (" + f.description() + ")");
                } else if (f.defaultValue() != null) {
                    values.put(f.name(), f.defaultValue());
                }
                continue;
            }
            Object value = v.isTextual() ? v.textValue() : v.isNumber() ? v.numberValue() : v.isBoolean()
                    ? (Object) v.booleanValue() : v.toString();
            if (value instanceof String s) {
                Matcher m = REF.matcher(s.strip());
                if (m.matches()) {
                    String where = doc.valueLocation(fp) + ": " + f.name() + " of asset '" + name + "'";
                    value = resolve(m.group(1), m.group(2), file, env, where, problems);
                    if (value instanceof String secret && f.secret() && Redactor.tooShort(secret)) {
                        problems.add(where + " is a secret shorter than " + Redactor.MIN_LENGTH + " characters, too "
                                + "short to be masked safely in output; use the real secret (it was not shown)");
                        continue;
                    }
                } else if (f.secret()) {
                    problems.add(doc.valueLocation(fp) + ": " + f.name() + " of asset '" + name + "' is a secret: "
                            + "write ${env:NAME} or ${file:PATH}, never the secret itself (the value was not shown)");
                    continue;
                }
            }
            if (value != null && !f.type().accepts(value)) {
                problems.add(doc.valueLocation(fp) + ": " + f.name() + " of asset '" + name + "' must be "
                        + f.type().id());
                continue;
            }
            if (value != null) {
                values.put(f.name(), value);
            }
        }
        for (Iterator<String> keys = config.fieldNames(); keys.hasNext(); ) {
            String k = keys.next();
            if (!known.contains(k)) {
                problems.add(doc.keyLocation(p + "/config/" + k) + ": app '" + appId + "' has no config field '" + k
                        + "'; its fields are " + String.join(", ", known));
            }
        }
        return new Entry(new AssetConfig(name, appId, values, secrets),
                ApprovalPolicy.from(node, p, doc, problems));
    }

    private static Object resolve(String kind, String ref, Path file, Function<String, String> env, String where,
                                  List<String> problems) {
        if (kind.equals("env")) {
            if (!ENV_NAME.matcher(ref).matches()) {
                problems.add(where + " refers to an environment variable by a name that is not one (upper-case "
                        + "letters, digits and _); the name was not shown, in case it is the secret itself");
                return null;
            }
            String v = env.apply(ref);
            if (v == null) {
                problems.add(where + " refers to the environment variable " + ref + ", which is not set");
            }
            return v;
        }
        boolean shown = PATH_LIKE.matcher(ref).matches() && (ref.contains("/") || ref.contains("."));
        String named = shown ? "the file " + ref : "a file (its name was not shown: it does not look like a path, "
                + "and might be the secret itself)";
        Path p;
        try {
            p = file.toAbsolutePath().getParent().resolve(ref);
        } catch (InvalidPathException e) {
            problems.add(where + " refers to " + named + ", which is not a valid path");
            return null;
        }
        try {
            return new String(InputFiles.read(p, MAX_SECRET_FILE_BYTES), StandardCharsets.UTF_8)
                    .replaceAll("[\\r\\n]+$", "");
        } catch (IOException e) {
            problems.add(where + " refers to " + named + ", which cannot be read (" + e.getClass().getSimpleName()
                    + ")");
            return null;
        }
    }

    /** Problems with an assets file, each located. */
    public static final class AssetsException extends RuntimeException {
        private final List<String> problems;

        public AssetsException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
