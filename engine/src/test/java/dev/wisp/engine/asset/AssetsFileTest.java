package dev.wisp.engine.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetsFileTest {
    private static final AppCatalog CATALOG = AppCatalog.of(List.of(new AppSpec("forensics", "1", null, null, List.of(
            ConfigField.required("base_url", DataType.STRING, "url"), ConfigField.secret("access_token", "token"),
            ConfigField.optional("verify_server_cert", DataType.BOOLEAN, true, ""),
            ConfigField.optional("default_project", DataType.NUMERIC, null, "")), List.of())));
    private static final String LITERAL = "literal-secret-value-1234";

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("assets.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void resolvesSecretsFromTheEnvironmentAndFilesAndAppliesDefaults() throws IOException {
        Files.writeString(dir.resolve("token.txt"), "from-file\n");
        Path f = write("""
                assets:
                  a: { app: forensics, config: { base_url: "https://x/api/v2", access_token: "${env:TOKEN}" } }
                  b:
                    app: forensics
                    config: { base_url: "https://y/api/v2", access_token: "${file:token.txt}", default_project: 3 }
                    owners: { primary: [alice], secondary: [bob] }
                    approval: { required_for: [contain, correct], sla: 30m }
                """);
        var assets = AssetsFile.load(f, CATALOG, Map.of("TOKEN", "from-env")::get);
        assertEquals("from-env", assets.get("a").config().values().get("access_token"));
        assertEquals(true, assets.get("a").config().values().get("verify_server_cert"));
        assertEquals("from-file", assets.get("b").config().values().get("access_token"));
        assertFalse(assets.get("b").config().toString().contains("from-file"));
        ApprovalPolicy p = assets.get("b").approval();
        assertTrue(p.requires(ActionType.CORRECT) && !p.requires(ActionType.INVESTIGATE));
        assertEquals(List.of("bob"), p.secondary());
    }

    @Test
    void refusesLiteralSecretsWithoutEchoingThemAndReportsEveryProblemLocated() throws IOException {
        Path f = write("""
                assets:
                  a:
                    app: forensics
                    config:
                      access_token: %s
                      colour: red
                  b: { app: nothing }
                  c: { app: forensics, config: { base_url: "https://x/api/v2", access_token: "${env:MISSING}" } }
                """.formatted(LITERAL));
        AssetsFile.AssetsException e = assertThrows(AssetsFile.AssetsException.class,
                () -> AssetsFile.load(f, CATALOG, Map.<String, String>of()::get));
        assertFalse(e.getMessage().contains(LITERAL), e.getMessage());
        String file = f.toString();
        assertEquals(List.of(
                file + ":5:7: asset 'a' needs config field 'base_url' (url)",
                file + ":5:21: access_token of asset 'a' is a secret: write ${env:NAME} or ${file:PATH}, never the "
                        + "secret itself (the value was not shown)",
                file + ":6:7: app 'forensics' has no config field 'colour'; its fields are base_url, access_token, "
                        + "verify_server_cert, default_project",
                file + ":7:13: asset 'b' needs 'app:' naming an installed app; 'nothing' is not installed (see "
                        + "wisp actions)",
                file + ":8:79: access_token of asset 'c' refers to the environment variable MISSING, which is not set"),
                e.problems());
    }

    @Test
    void aTokenWrittenInsideAReferenceIsNeverEchoed() throws IOException {
        String token = "fake9f8e7d6c5b4a3928-test-token";
        for (String ref : new String[] {"${env:" + token + "}", "${file:" + token + "}", "${file:\\0" + token + "}",
            "${env:tok-" + token + "}"}) {
            Path f = write("assets:\n  a: { app: forensics, config: { base_url: \"https://x/api/v2\", access_token: \""
                    + ref + "\" } }\n");
            AssetsFile.AssetsException e = assertThrows(AssetsFile.AssetsException.class,
                    () -> AssetsFile.load(f, CATALOG, Map.<String, String>of()::get), ref);
            assertEquals(1, e.problems().size(), e.getMessage());
            assertTrue(e.getMessage().startsWith(f + ":2:"), e.getMessage());
            assertFalse(e.getMessage().contains(token.substring(0, 8)), e.getMessage());
            assertTrue(e.getMessage().contains("not shown"), e.getMessage());
        }
    }

    @Test
    void aSecretTooShortToMaskIsRefusedWithoutBeingShown() throws IOException {
        Files.writeString(dir.resolve("short.txt"), "abc\n");
        Path f = write("""
                assets:
                  a: { app: forensics, config: { base_url: "https://x/api/v2", access_token: "${env:TOKEN}" } }
                  b: { app: forensics, config: { base_url: "https://x/api/v2", access_token: "${file:short.txt}" } }
                """);
        AssetsFile.AssetsException e = assertThrows(AssetsFile.AssetsException.class,
                () -> AssetsFile.load(f, CATALOG, Map.of("TOKEN", "a")::get));
        assertEquals(List.of(
                f + ":2:79: access_token of asset 'a' is a secret shorter than 8 characters, too short to be masked "
                        + "safely in output; use the real secret (it was not shown)",
                f + ":3:79: access_token of asset 'b' is a secret shorter than 8 characters, too short to be masked "
                        + "safely in output; use the real secret (it was not shown)"), e.problems());
        assertEquals("from-env-1", AssetsFile.load(write("assets:\n  a: { app: forensics, config: { base_url: x, "
                + "access_token: \"${env:TOKEN}\" } }\n"), CATALOG, Map.of("TOKEN", "from-env-1")::get).get("a")
                .config().values().get("access_token"));
    }
}
