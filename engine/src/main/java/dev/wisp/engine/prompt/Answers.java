package dev.wisp.engine.prompt;

import dev.wisp.dsl.model.PromptResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks and normalises answers against their questions: yes/no becomes yes or no, a list answer one option. */
public final class Answers {
    private Answers() {
    }

    /** The normalised answer, or an {@link IllegalArgumentException} saying what would fit. */
    public static String normalise(PromptResponse question, String answer) {
        String a = answer == null ? "" : answer.strip();
        return switch (question.type()) {
            case TEXT -> a;
            case YES_NO -> switch (a.toLowerCase(Locale.ROOT)) {
                case "y", "yes", "true" -> "yes";
                case "n", "no", "false" -> "no";
                default -> throw new IllegalArgumentException("'" + a + "' is not an answer to '" + question.prompt()
                        + "': answer yes or no");
            };
            case LIST -> {
                List<String> options = question.options();
                if (a.matches("[0-9]+") && Integer.parseInt(a) >= 1 && Integer.parseInt(a) <= options.size()) {
                    yield options.get(Integer.parseInt(a) - 1);
                }
                for (String o : options) {
                    if (o.equalsIgnoreCase(a)) {
                        yield o;
                    }
                }
                throw new IllegalArgumentException("'" + a + "' is not an answer to '" + question.prompt()
                        + "': choose one of " + String.join(", ", options));
            }
        };
    }

    /** Normalises one answer per question (an acknowledgement needs none). */
    public static List<String> normalise(List<PromptResponse> questions, List<String> answers, String block) {
        if (answers.size() < questions.size()) {
            throw new IllegalArgumentException("prompt " + block + " asks " + questions.size() + " questions but "
                    + answers.size() + " answers were given");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            out.add(normalise(questions.get(i), answers.get(i)));
        }
        return out;
    }
}
