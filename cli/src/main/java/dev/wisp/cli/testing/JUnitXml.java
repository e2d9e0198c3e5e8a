package dev.wisp.cli.testing;

import java.util.List;

/** JUnit XML, the format CI systems show test results from. */
public final class JUnitXml {
    private JUnitXml() {
    }

    /**
     * One suite: a test file's results.
     *
     * @param name    the test file
     * @param results its tests
     * @param error   why the whole file could not run, or null
     */
    public record Suite(String name, List<TestRunner.Result> results, String error) {
    }

    public static String write(List<Suite> suites) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (Suite s : suites) {
            long failures = s.results().stream().filter(r -> !r.passed()).count();
            double time = s.results().stream().mapToLong(TestRunner.Result::durationMs).sum() / 1000.0;
            b.append("  <testsuite name=\"").append(esc(s.name())).append("\" tests=\"")
                    .append(s.error() == null ? s.results().size() : 1).append("\" failures=\"").append(failures)
                    .append("\" errors=\"").append(s.error() == null ? 0 : 1).append("\" time=\"").append(time)
                    .append("\">\n");
            if (s.error() != null) {
                b.append("    <testcase name=\"load\" classname=\"").append(esc(s.name())).append("\">\n")
                        .append("      <error message=\"invalid test file\">").append(esc(s.error()))
                        .append("</error>\n    </testcase>\n");
            }
            for (TestRunner.Result r : s.results()) {
                b.append("    <testcase name=\"").append(esc(r.name())).append("\" classname=\"").append(esc(s.name()))
                        .append("\" time=\"").append(r.durationMs() / 1000.0).append('"');
                if (r.passed()) {
                    b.append("/>\n");
                } else {
                    b.append(">\n      <failure message=\"").append(esc(r.failures().get(0))).append("\">")
                            .append(esc(String.join("\n", r.failures()))).append("</failure>\n    </testcase>\n");
                }
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
    }

    private static String esc(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
