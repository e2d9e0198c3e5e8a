package dev.wisp.importer.soar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Comparison;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Operator;
import dev.wisp.dsl.model.Value;
import java.util.ArrayList;
import java.util.List;

/** SOAR conditions ({@code {logic, comparisons: [{param, op, value}]}}) as Wisp conditions. */
final class ConditionMapper {
    private final Translation t;

    ConditionMapper(Translation t) {
        this.t = t;
    }

    /**
     * The condition at {@code pointer} named {@code name}, or {@code null} (with an error) when it has no Wisp form.
     */
    Condition condition(SoarNode node, JsonNode c, String pointer, String name, boolean caseSensitive) {
        String logic = c.path("logic").asText("and");
        Condition.Logic l = switch (logic) {
            case "and" -> Condition.Logic.ALL;
            case "or" -> Condition.Logic.ANY;
            default -> null;
        };
        if (l == null) {
            t.losses.node(node, Code.WSP109, LocatedJson.child(pointer, "logic"), "condition logic '" + logic
                    + "' has no Wisp form (only and / or); the condition was not imported");
            return null;
        }
        JsonNode list = c.path("comparisons");
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Comparison cmp = comparison(node, list.get(i), LocatedJson.child(LocatedJson.child(pointer, "comparisons"),
                    i));
            if (cmp == null) {
                return null;
            }
            comparisons.add(cmp);
        }
        if (comparisons.isEmpty()) {
            t.losses.node(node, Code.WSP109, pointer, "condition '" + name + "' has no comparisons");
            return null;
        }
        return new Condition(name, l, comparisons, caseSensitive, t.at(pointer));
    }

    private Comparison comparison(SoarNode node, JsonNode c, String pointer) {
        String op = c.path("op").asText("").strip();
        Operator operator = Operator.fromSymbol(op);
        if (operator == null || operator.unary()) {
            t.losses.node(node, Code.WSP109, LocatedJson.child(pointer, "op"), "operator '" + op
                    + "' has no Wisp form; the condition was not imported");
            return null;
        }
        Value left = side(node, c.path("param"), LocatedJson.child(pointer, "param"));
        Value right = side(node, c.path("value"), LocatedJson.child(pointer, "value"));
        return new Comparison(left, operator, right, t.at(pointer));
    }

    private Value side(SoarNode node, JsonNode v, String pointer) {
        if (v.isTextual() && v.textValue().startsWith("custom_list:")) {
            t.losses.node(node, Code.WSP113, pointer, "'" + v.textValue() + "' names a SOAR custom list; Wisp has "
                    + "none, so it is compared as the text itself: put the list's values in the condition or an input");
        }
        if (v.isTextual() && v.textValue().equals("None")) {
            return new Value.Literal(null, t.at(pointer)); // SOAR generates Python's None for the text None
        }
        Value x = t.values.value(node, v, pointer);
        return x == null ? new Value.Literal(null, t.at(pointer)) : x;
    }
}
