package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    @Test
    void wholeTextJoinsEachPlaceholdersValuesAndDropsNulls() {
        assertEquals("ips: a; b on {host}", Templates.whole("ips: {0} on {{host}}",
                List.of(Arrays.asList("a", null, "b")), "; "));
        assertEquals("7 items", Templates.whole("{0} items", List.of(List.of(7.0)), ", "));
    }

    @Test
    void rowsPairValuesByIndexAndRepeatSingleValues() {
        assertEquals(List.of("a@x", "b@x"), Templates.rows("{0}@{1}", List.of(List.of("a", "b"), List.of("x"))));
        assertEquals(List.of("a-", "b-c"), Templates.rows("{0}-{1}", List.of(List.of("a", "b"),
                Arrays.asList(null, "c"))));
    }

    @Test
    void aTemplateWithoutSectionsFormatsAsBefore() {
        Templates.Formatted f = Templates.format("{0}@{1}", List.of(List.of("a", "b"), List.of("x")), ", ", false);
        assertEquals("a, b@x", f.whole());
        assertEquals(List.of("a@x", "b@x"), f.rows());
    }

    @Test
    void aSectionRepeatsOncePerRowJoinedByNewlinesAndTheTextAroundItIsWrittenOnce() {
        Templates.Formatted f = Templates.format("Hosts of {1}:\n| host |\n%%\n| {0} | {1} |\n%%\nend",
                List.of(List.of("a", "b"), List.of("case-1")), ", ", false);
        assertEquals("Hosts of case-1:\n| host |\n| a | case-1 |\n| b | case-1 |\nend", f.whole());
    }

    @Test
    void inlineSectionsKeepTheirSpacesAndEachCountsTheRowsOfItsOwnParameters() {
        Templates.Formatted f = Templates.format("%% {0} %%|%%[{1}]%%",
                List.of(List.of("a", "b", "c"), List.of("x")), ", ", false);
        assertEquals(" a \n b \n c |[x]", f.whole());
    }

    @Test
    void formattedRowsIgnoreTheSectionMarkers() {
        Templates.Formatted f = Templates.format("ips:\n%%\n- {0}\n%%", List.of(List.of("a", "b")), ", ", false);
        assertEquals("ips:\n- a\n- b", f.whole());
        assertEquals(List.of("ips:\n- a", "ips:\n- b"), f.rows());
    }

    @Test
    void aSectionWithoutValuesWritesNothingAndOneWithoutPlaceholdersIsWrittenOnce() {
        Templates.Formatted f = Templates.format("[%%{0}%%][%%fixed%%]", List.of(List.of()), ", ", false);
        assertEquals("[][fixed]", f.whole());
    }

    @Test
    void withoutDropNoneANullIsAnEmptyRowValue() {
        Templates.Formatted f = Templates.format("%%<{0}>%%", List.of(Arrays.asList("a", null, "b")), ", ", false);
        assertEquals("<a>\n<>\n<b>", f.whole());
        assertEquals(List.of("<a>", "<>", "<b>"), f.rows());
    }

    @Test
    void dropNoneRemovesNullsFromEachParametersListBeforeRowsArePaired() {
        Templates.Formatted f = Templates.format("%%<{0}|{1}>%%",
                List.of(Arrays.asList("a", null, "b"), Arrays.asList(null, "x", "y")), ", ", true);
        assertEquals("<a|x>\n<b|y>", f.whole());
        assertEquals(List.of("<a|x>", "<b|y>"), f.rows());
    }

    @Test
    void dropNoneLeavesAnAllNullSectionEmpty() {
        Templates.Formatted f = Templates.format("%%\n{0}\n%%\n--\n%%\n{1}\n%%",
                List.of(Arrays.asList(null, null), List.of("report")), ", ", true);
        assertEquals("\n--\nreport", f.whole());
    }

    @Test
    void literalBracesStayLiteralInsideSections() {
        Templates.Formatted f = Templates.format("%%{{{0}}}%%", List.of(List.of("a", "b")), ", ", false);
        assertEquals("{a}\n{b}", f.whole());
    }

    @Test
    void sectionsAreFoundInOrder() {
        assertEquals(List.of(new Templates.Part("a ", false), new Templates.Part("{0}", true),
                new Templates.Part(" b", false)), Templates.parts("a %%{0}%% b"));
        assertEquals(List.of(new Templates.Part("x\n", false), new Templates.Part("{0}", true)),
                Templates.parts("x\n%%\r\n{0}\r\n%%"));
    }
}
