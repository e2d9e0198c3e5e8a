package dev.wisp.importer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How SOAR's free-form names become Wisp identifiers. The playbook importer and the app importer both use it, so
 * that an imported playbook's {@code app:} names the spec that {@code wisp import soar-app} wrote for the same app.
 */
public final class SoarNames {
    private SoarNames() {
    }

    /**
     * The Wisp app id of a SOAR app, from its name (an app JSON's {@code name}, a node's {@code connector}):
     * lower case, every run of other characters one {@code _}, e.g. {@code "AD LDAP"} → {@code ad_ldap},
     * {@code "urlscan.io"} → {@code urlscan_io}.
     */
    public static String appId(String soarName) {
        return identifier(soarName).toLowerCase(Locale.ROOT);
    }

    /**
     * A Wisp identifier ({@code [A-Za-z_][A-Za-z0-9_]*}) for a SOAR name: accents dropped, every run of other
     * characters one {@code _}, no leading or trailing {@code _}, a leading digit prefixed with {@code _}; a name with
     * no letter or digit becomes {@code unnamed}.
     */
    public static String identifier(String soarName) {
        String ascii = Normalizer.normalize(soarName == null ? "" : soarName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String id = ascii.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (id.isEmpty()) {
            return "unnamed";
        }
        return Character.isDigit(id.charAt(0)) ? "_" + id : id;
    }
}
