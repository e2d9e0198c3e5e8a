package dev.wisp.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.spi.AssetConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksSecretFieldsOfAssetsInsideTextsKeysAndNestedValues() {
        AssetConfig a = new AssetConfig("cado", "cado_response", Map.of("access_token", "abcd1234", "base_url", "u"),
                Set.of("access_token"));
        Redactor r = Redactor.of(List.of(a));
        assertEquals("Bearer *** failed", r.text("Bearer abcd1234 failed"));
        assertEquals(Map.of("***", List.of("x***y", 7), "u", "u"),
                r.value(Map.of("abcd1234", List.of("xabcd1234y", 7), "u", "u")));
        assertEquals("nothing to hide", Redactor.none().text("nothing to hide"));
    }

    @Test
    void longerSecretsAreMaskedBeforeTheirPrefixes() {
        Redactor r = new Redactor(List.of("abc", "abcdef", ""));
        assertEquals("*** and ***", r.text("abcdef and abc"));
    }
}
