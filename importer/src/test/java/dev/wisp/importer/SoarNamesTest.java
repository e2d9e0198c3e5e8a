package dev.wisp.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoarNamesTest {
    @Test
    void appIdsAreLowerCaseIdentifiers() {
        assertEquals("ad_ldap", SoarNames.appId("AD LDAP"));
        assertEquals("urlscan_io", SoarNames.appId("urlscan.io"));
        assertEquals("ms_graph_for_office_365", SoarNames.appId("MS Graph for Office 365"));
        assertEquals("splunk_attack_analyzer", SoarNames.appId("  Splunk Attack Analyzer -- "));
    }

    @Test
    void identifiersKeepCaseAndNeverStartWithADigit() {
        assertEquals("microsoft_ad_ldap", SoarNames.identifier("microsoft ad ldap"));
        assertEquals("_365_mail", SoarNames.identifier("365 mail"));
        assertEquals("Cafe_Resume", SoarNames.identifier("Café Résumé"));
        assertEquals("unnamed", SoarNames.identifier("--"));
        assertEquals("unnamed", SoarNames.identifier(null));
    }
}
