package dev.wisp.cado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisp.spi.AssetConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Asset values are checked when connecting, with messages that name the field and the fix. */
class CadoSettingsTest {
    private static final String TOKEN = "s3cr3t-Token-0123456789abcdef";

    private static AssetConfig asset(Object... kv) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("base_url", "https://cado.example.com/api/v2/");
        values.put("access_token", TOKEN);
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1]);
        }
        return new AssetConfig("cado", "cado_response", values, Set.of("access_token"));
    }

    private static String refused(Object... kv) {
        String message = assertThrows(IllegalArgumentException.class, () -> CadoSettings.from(asset(kv))).getMessage();
        assertFalse(message.contains(TOKEN), message);
        return message;
    }

    @Test
    void defaultsFollowTheIssueAndATrailingSlashIsTolerated() {
        CadoSettings s = CadoSettings.from(asset("default_project", "3"));
        assertEquals("https://cado.example.com/api/v2", s.baseUrl().toString());
        assertEquals(Optional.of(3L), s.defaultProject());
        assertEquals(true, s.verifyServerCert());
        assertEquals(Duration.ofSeconds(60), s.pollInterval());
        assertEquals(Duration.ofHours(24), s.maxWait());
        assertEquals(32, s.maxConnections());
        assertFalse(s.toString().contains(TOKEN), s.toString());
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertEquals("asset 'cado': default_project must be a Cado project id (a number), not 'IR-7'",
                refused("default_project", "IR-7"));
        assertEquals("asset 'cado': read_timeout must be more than 0, not 0", refused("read_timeout", 0));
        assertEquals("asset 'cado': poll_interval must be a whole number, not 'soon'", refused("poll_interval", "soon"));
        assertEquals("asset 'cado': base_url 'ftp://cado.example.com/api/v2' must be an http(s) URL such as "
                + "https://cado.example.com/api/v2", refused("base_url", "ftp://cado.example.com/api/v2"));
        assertEquals("asset 'cado': base_url 'https://cado.example.com/api/v1' must end in /api/v2 (the Cado "
                + "Response v2 API), e.g. https://cado.example.com/api/v2", refused("base_url",
                "https://cado.example.com/api/v1"));
    }
}
