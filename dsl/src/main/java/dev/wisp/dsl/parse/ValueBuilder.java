package dev.wisp.dsl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Comparison;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Operator;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPathParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Builds values (literal or data path), comparisons and conditions. */
final class ValueBuilder {
    private static final String OPERATORS = Arrays.stream(Operator.values()).map(Operator::symbol)
            .collect(Collectors.joining(", "));

    private final BuildContext ctx;

    ValueBuilder(BuildContext ctx) {
        this.ctx = ctx;
    }

    /** A value at {@code pointer}: {@code {value: ...}} is a literal, a path-shaped string a data path. */
    Value value(JsonNode node, String pointer) {
        Location at = ctx.at(pointer);
        if (node.isObject() && node.size() == 1 && node.has("value")) {
            return new Value.Literal(Json.toJava(node.get("value")), at);
        }
        if (node.isTextual() && DataPathParser.looksLikePath(node.textValue(), ctx.blockNames)) {
            String text = node.textValue();
            DataPathParser.Result r = DataPathParser.parse(text);
            if (r.ok()) {
                return new Value.PathRef(r.path(), text, at);
            }
            ctx.report(Code.WSP040, text.contains("\n") ? at : at.shift(r.offset()),
                    "bad data path '" + text + "': " + r.error());
        }
        return new Value.Literal(Json.toJava(node), at);
    }

    List<Value> values(JsonNode array, String pointer) {
        List<Value> out = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                out.add(value(array.get(i), BuildContext.child(pointer, i)));
            }
        }
        return out;
    }

    /**
     * A condition: a list of comparisons (all must hold) or {@code {all|any: [...], case_sensitive: bool}}.
     * Returns {@code null} when the node is not a condition at all (the schema reports it).
     */
    Condition condition(String name, JsonNode node, String pointer, Location location) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return new Condition(name, Condition.Logic.ALL, comparisons(node, pointer), true, location);
        }
        if (!node.isObject()) {
            return null;
        }
        Condition.Logic logic = node.has("any") ? Condition.Logic.ANY : Condition.Logic.ALL;
        String key = logic == Condition.Logic.ANY ? "any" : "all";
        JsonNode list = ctx.array(node, key);
        Boolean caseSensitive = ctx.bool(node, "case_sensitive");
        return new Condition(name, logic, comparisons(list, BuildContext.child(pointer, key)),
                caseSensitive == null || caseSensitive, location);
    }

    private List<Comparison> comparisons(JsonNode list, String pointer) {
        List<Comparison> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            Comparison c = comparison(list.get(i), BuildContext.child(pointer, i));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private Comparison comparison(JsonNode node, String pointer) {
        if (!node.isArray() || node.size() < 2 || node.size() > 3) {
            return null;
        }
        String opPointer = BuildContext.child(pointer, 1);
        JsonNode opNode = node.get(1);
        Operator op = opNode.isTextual() ? Operator.fromSymbol(opNode.textValue().strip()) : null;
        if (op == null) {
            ctx.report(Code.WSP044, ctx.at(opPointer), "unknown operator '" + opNode.asText()
                    + "'; use one of " + OPERATORS);
            return null;
        }
        if (op.unary() != (node.size() == 2)) {
            ctx.report(Code.WSP044, ctx.at(opPointer), op.unary()
                    ? "operator '" + op.symbol() + "' takes no right-hand side: write [value, " + op.symbol() + "]"
                    : "operator '" + op.symbol() + "' needs a right-hand side: write [left, " + op.symbol()
                            + ", right]");
            return null;
        }
        Value left = value(node.get(0), BuildContext.child(pointer, 0));
        Value right = op.unary() ? null : value(node.get(2), BuildContext.child(pointer, 2));
        return new Comparison(left, op, right, ctx.at(pointer));
    }
}
