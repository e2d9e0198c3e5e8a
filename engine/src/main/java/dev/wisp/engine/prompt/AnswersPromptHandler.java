package dev.wisp.engine.prompt;

import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.dsl.source.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers given in advance: {@code --answer Block=value} (the first question), {@code --answer Block.1=value} (the
 * second), and {@code --answers FILE} with {@code Block: value} or {@code Block: [value, value]}. A prompt without
 * an answer goes to the next handler.
 */
public final class AnswersPromptHandler implements PromptHandler {
    private final Map<String, List<String>> answers;
    private final PromptHandler next;
    private final String respondent;

    public AnswersPromptHandler(Map<String, List<String>> answers, PromptHandler next) {
        this(answers, next, null);
    }

    /** As above; {@code respondent} is recorded as who answered (the user who gave the answers). */
    public AnswersPromptHandler(Map<String, List<String>> answers, PromptHandler next, String respondent) {
        this.answers = Map.copyOf(answers);
        this.next = next;
        this.respondent = respondent;
    }

    /** Parses {@code Block=value} and {@code Block.N=value} arguments. */
    public static Map<String, List<String>> parseArguments(List<String> args) {
        Map<String, TreeMap<Integer, String>> byBlock = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--answer takes BLOCK=VALUE or BLOCK.N=VALUE, not '" + arg + "'");
            }
            String target = arg.substring(0, eq);
            int index = 0;
            int dot = target.lastIndexOf('.');
            if (dot > 0) {
                String n = target.substring(dot + 1);
                if (!n.matches("[0-9]{1,3}")) {
                    throw new IllegalArgumentException("--answer " + arg + ": '" + n + "' is not a question number;"
                            + " write BLOCK=VALUE for the first question, BLOCK.1=VALUE for the second, ...");
                }
                index = Integer.parseInt(n);
                target = target.substring(0, dot);
            }
            byBlock.computeIfAbsent(target, k -> new TreeMap<>()).put(index, arg.substring(eq + 1));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        byBlock.forEach((block, m) -> {
            List<String> list = new ArrayList<>();
            for (int i = 0; i <= m.lastKey(); i++) {
                if (!m.containsKey(i)) {
                    throw new IllegalArgumentException("--answer gives " + block + "." + m.lastKey() + " but not "
                            + block + "." + i);
                }
                list.add(m.get(i));
            }
            out.put(block, list);
        });
        return out;
    }

    /** Reads an answers file. */
    public static Map<String, List<String>> parseFile(Path file) {
        YamlReader.Result r = new YamlReader().read(file, file.toString());
        if (r.document() == null || !r.diagnostics().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", r.diagnostics().stream().map(Object::toString)
                    .toList()));
        }
        SourceDocument doc = r.document();
        Map<String, List<String>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = doc.root().fields();
        while (it.hasNext()) {
            var e = it.next();
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else if (e.getValue().isValueNode()) {
                values.add(e.getValue().asText());
            } else {
                throw new IllegalArgumentException(doc.valueLocation("/" + SourceDocument.escape(e.getKey()))
                        + ": the answer to " + e.getKey() + " must be a value or a list of values");
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    @Override
    public CompletionStage<PromptOutcome> ask(PromptRequest request) {
        List<String> given = answers.get(request.block());
        if (given == null) {
            return next.ask(request);
        }
        try {
            return CompletableFuture.completedFuture(new PromptOutcome.Answered(
                    Answers.normalise(request.questions(), given, request.block()), respondent, "answers"));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
