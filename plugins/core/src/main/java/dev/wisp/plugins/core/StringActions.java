package dev.wisp.plugins.core;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** regex extract and the string helpers (split, join, replace, case, trim). */
final class StringActions {
    /** Guards against a pathological input producing an enormous result. */
    private static final int MAX_MATCHES = 10_000;

    private StringActions() {
    }

    static List<CoreAction> all() {
        return List.of(regexExtract(), split(), join(), replace(), changeCase(), trim());
    }

    private static ParameterSpec input() {
        return ParameterSpec.builder("input", DataType.STRING).required().description("The text").build();
    }

    private static OutputSpec valueOutput(Object example) {
        return OutputSpec.of("action_result.data.*.value", DataType.STRING, example);
    }

    private static Pattern compile(String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static CoreAction regexExtract() {
        List<ParameterSpec> params = List.of(input(),
                ParameterSpec.builder("pattern", DataType.STRING).required().example("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b")
                        .description("A Java regular expression").build(),
                ParameterSpec.builder("group", DataType.NUMERIC).defaultValue(0)
                        .description("The capture group to extract (0 = the whole match)").build(),
                ParameterSpec.builder("ignore_case", DataType.BOOLEAN).defaultValue(false)
                        .description("Match regardless of case").build());
        return new PureAction(PureAction.spec("regex extract",
                "Extracts every match of a regular expression from a text; one data item per match.", params,
                OutputSpec.of("action_result.data.*.match", DataType.STRING, "203.0.113.7"),
                OutputSpec.of("action_result.summary.count", DataType.NUMERIC, 1)),
                ctx -> {
                    Params p = new Params(ctx.parameters());
                    Pattern pattern = compile(p.string("pattern", ""), p.bool("ignore_case", false)
                            ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
                    int group = p.number("group", BigDecimal.ZERO).intValueExact();
                    Matcher m = pattern.matcher(p.string("input", ""));
                    if (group < 0 || group > m.groupCount()) {
                        throw new IllegalArgumentException("group " + group + " does not exist; the pattern has "
                                + m.groupCount() + " groups");
                    }
                    List<Object> data = new ArrayList<>();
                    while (m.find() && data.size() < MAX_MATCHES) {
                        data.add(ValueActions.single("match", m.group(group)));
                    }
                    return ActionResult.success(ctx.parameters(), data, Map.of("count", data.size()),
                            data.size() + " matches");
                });
    }

    private static CoreAction split() {
        List<ParameterSpec> params = List.of(input(),
                ParameterSpec.builder("separator", DataType.STRING).defaultValue(",")
                        .description("The separator (plain text, not a pattern)").build(),
                ParameterSpec.builder("drop_empty", DataType.BOOLEAN).defaultValue(true)
                        .description("Drop empty parts after trimming").build());
        return new PureAction(PureAction.spec("string split",
                "Splits a text into trimmed parts; one data item per part.", params,
                OutputSpec.of("action_result.data.*.item", DataType.STRING, "alice"),
                OutputSpec.of("action_result.summary.count", DataType.NUMERIC, 2)),
                ctx -> {
                    Params p = new Params(ctx.parameters());
                    String separator = p.string("separator", ",");
                    if (separator.isEmpty()) {
                        throw new IllegalArgumentException("separator must not be empty");
                    }
                    boolean dropEmpty = p.bool("drop_empty", true);
                    List<Object> data = new ArrayList<>();
                    for (String part : p.string("input", "").split(Pattern.quote(separator), -1)) {
                        String t = part.strip();
                        if (!(dropEmpty && t.isEmpty())) {
                            data.add(ValueActions.single("item", t));
                        }
                    }
                    return ActionResult.success(ctx.parameters(), data, Map.of("count", data.size()),
                            data.size() + " parts");
                });
    }

    private static CoreAction join() {
        List<ParameterSpec> params = List.of(
                ParameterSpec.builder("list", DataType.LIST).required().description("The values to join").build(),
                ParameterSpec.builder("separator", DataType.STRING).defaultValue(", ").description("Between values")
                        .build());
        return new PureAction(PureAction.spec("string join", "Joins a list of values into one text; nulls are skipped.",
                params, valueOutput("alice, bob")),
                ctx -> {
                    Params p = new Params(ctx.parameters());
                    List<String> parts = p.list("list").stream().filter(v -> v != null).map(Object::toString).toList();
                    return text(ctx.parameters(), String.join(p.string("separator", ", "), parts));
                });
    }

    private static CoreAction replace() {
        List<ParameterSpec> params = List.of(input(),
                ParameterSpec.builder("find", DataType.STRING).required().description("What to replace").build(),
                ParameterSpec.builder("replacement", DataType.STRING).defaultValue("")
                        .description("What to put instead ($1 refers to a group when regex is true)").build(),
                ParameterSpec.builder("regex", DataType.BOOLEAN).defaultValue(false)
                        .description("Treat find as a regular expression").build());
        return new PureAction(PureAction.spec("string replace", "Replaces every occurrence of a text or pattern.",
                params, valueOutput("hxxp://example[.]com")),
                ctx -> {
                    Params p = new Params(ctx.parameters());
                    String in = p.string("input", "");
                    String find = p.string("find", "");
                    String replacement = p.string("replacement", "");
                    if (find.isEmpty()) {
                        throw new IllegalArgumentException("find must not be empty");
                    }
                    String out = p.bool("regex", false)
                            ? compile(find, 0).matcher(in).replaceAll(replacement)
                            : in.replace(find, replacement);
                    return text(ctx.parameters(), out);
                });
    }

    private static CoreAction changeCase() {
        List<ParameterSpec> params = List.of(input(),
                ParameterSpec.builder("to", DataType.STRING).required().valueList("lower", "upper")
                        .description("lower or upper").build());
        return new PureAction(PureAction.spec("string case", "Changes a text to lower or upper case.", params,
                valueOutput("example.com")),
                ctx -> {
                    Params p = new Params(ctx.parameters());
                    String to = p.string("to", "");
                    String in = p.string("input", "");
                    return switch (to) {
                        case "lower" -> text(ctx.parameters(), in.toLowerCase(Locale.ROOT));
                        case "upper" -> text(ctx.parameters(), in.toUpperCase(Locale.ROOT));
                        default -> throw new IllegalArgumentException("to must be lower or upper, not '" + to + "'");
                    };
                });
    }

    private static CoreAction trim() {
        return new PureAction(PureAction.spec("string trim", "Removes white space at both ends of a text.",
                List.of(input()), valueOutput("example.com")),
                ctx -> text(ctx.parameters(), new Params(ctx.parameters()).string("input", "").strip()));
    }

    private static ActionResult text(Map<String, Object> parameters, String value) {
        return ActionResult.success(parameters, List.of(ValueActions.single("value", value)), Map.of(), value);
    }
}
