package dev.wisp.dsl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.BlockInfo;
import dev.wisp.dsl.model.Combine;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Join;
import dev.wisp.dsl.model.OnFailure;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.dsl.model.Repeat;
import dev.wisp.dsl.model.Retry;
import dev.wisp.dsl.model.Value;
import dev.wisp.spi.DataType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one block from its mapping. Tolerant: bad fields take their defaults; the schema reports them. */
final class BlockBuilder {
    /** The kind keys, in the order used when a block (wrongly) has several. */
    static final List<String> KINDS = List.of("action", "prompt", "filter", "decision", "format", "playbook",
            "code");
    static final Duration DEFAULT_PROMPT_TIMEOUT = Duration.ofMinutes(30);

    private final BuildContext ctx;
    private final ValueBuilder values;

    BlockBuilder(BuildContext ctx) {
        this.ctx = ctx;
        this.values = new ValueBuilder(ctx);
    }

    /** The block, or {@code null} when it has no kind key (the schema reports that). */
    Block build(String name, JsonNode node, String pointer) {
        String kind = KINDS.stream().filter(node::has).findFirst().orElse(null);
        if (kind == null) {
            return null;
        }
        Join join = "any".equals(ctx.text(node, "join")) ? Join.ANY : Join.ALL;
        BlockInfo info = new BlockInfo(name, ctx.text(node, "description"), join, ctx.keyAt(pointer));
        return switch (kind) {
            case "action" -> action(info, node, pointer);
            case "prompt" -> prompt(info, node, pointer);
            case "filter" -> new Block.FilterBlock(info, conditions(node.get("filter"),
                    BuildContext.child(pointer, "filter")));
            case "decision" -> new Block.DecisionBlock(info, conditions(node.get("decision"),
                    BuildContext.child(pointer, "decision")));
            case "format" -> format(info, node, pointer);
            case "code" -> code(info, node, pointer);
            default -> playbook(info, node, pointer);
        };
    }

    private Block action(BlockInfo info, JsonNode node, String pointer) {
        String action = ctx.scalarText(node, "action");
        Combine combine = switch (String.valueOf(ctx.text(node, "combine"))) {
            case "zip" -> Combine.ZIP;
            case "product" -> Combine.PRODUCT;
            default -> null;
        };
        Integer max = ctx.integer(node, "max_concurrency");
        return new Block.ActionBlock(info, action == null ? "" : action,
                ctx.at(BuildContext.child(pointer, "action")), ctx.text(node, "asset"), ctx.text(node, "app"),
                valueMap(ctx.object(node, "parameters"), BuildContext.child(pointer, "parameters")), combine,
                max != null && max >= 1 ? max : null, ctx.duration(node, "timeout", null),
                retry(ctx.object(node, "retry"), BuildContext.child(pointer, "retry")),
                repeat(ctx.object(node, "repeat"), BuildContext.child(pointer, "repeat")),
                "stop".equals(ctx.text(node, "on_failure")) ? OnFailure.STOP : OnFailure.CONTINUE);
    }

    private Retry retry(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        Integer attempts = ctx.integer(node, "attempts");
        Double multiplier = ctx.number(node, "multiplier");
        return new Retry(attempts == null || attempts < 1 ? 3 : attempts,
                ctx.duration(node, "backoff", Duration.ofSeconds(1)),
                multiplier == null || multiplier < 1 ? 2.0 : multiplier,
                ctx.duration(node, "max_backoff", Duration.ofMinutes(5)), ctx.at(pointer));
    }

    private Repeat repeat(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        String untilPointer = BuildContext.child(pointer, "until");
        Condition until = values.condition("until", node.get("until"), untilPointer, ctx.at(untilPointer));
        if (until == null) {
            return null;
        }
        Integer max = ctx.integer(node, "max_iterations");
        return new Repeat(until, ctx.duration(node, "interval", Duration.ofSeconds(60)),
                max == null || max < 1 ? 100 : max, ctx.duration(node, "max_duration", Duration.ofHours(24)),
                ctx.at(pointer));
    }

    private Block prompt(BlockInfo info, JsonNode node, String pointer) {
        String message = ctx.scalarText(node, "prompt");
        List<PromptResponse> responses = new ArrayList<>();
        JsonNode list = ctx.array(node, "responses");
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                String rp = BuildContext.child(BuildContext.child(pointer, "responses"), i);
                if (!r.isObject()) {
                    continue;
                }
                PromptResponse.Type type = PromptResponse.Type.fromId(String.valueOf(ctx.text(r, "type")));
                String question = ctx.scalarText(r, "prompt");
                responses.add(new PromptResponse(question == null ? "" : question,
                        type == null ? PromptResponse.Type.TEXT : type, ctx.strings(r, "options"), ctx.at(rp)));
            }
        }
        return new Block.PromptBlock(info, message == null ? "" : message,
                values.values(ctx.array(node, "parameters"), BuildContext.child(pointer, "parameters")), responses,
                ctx.scalarText(node, "approver"), ctx.duration(node, "timeout", DEFAULT_PROMPT_TIMEOUT));
    }

    private List<Condition> conditions(JsonNode node, String pointer) {
        List<Condition> out = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String cp = BuildContext.child(pointer, e.getKey());
            if (e.getKey().equals("else") && pointer.endsWith("/decision")) {
                ctx.report(Code.WSP013, ctx.keyAt(cp), "a decision branch cannot be named 'else': else is the "
                        + "implicit port taken when no branch holds; give this branch another name");
                continue;
            }
            Condition c = values.condition(e.getKey(), e.getValue(), cp, ctx.keyAt(cp));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private Block format(BlockInfo info, JsonNode node, String pointer) {
        String template = ctx.scalarText(node, "format");
        return new Block.FormatBlock(info, template == null ? "" : template,
                ctx.at(BuildContext.child(pointer, "format")),
                values.values(ctx.array(node, "parameters"), BuildContext.child(pointer, "parameters")),
                ctx.text(node, "separator"), Boolean.TRUE.equals(ctx.bool(node, "drop_none")));
    }

    private Block playbook(BlockInfo info, JsonNode node, String pointer) {
        String path = ctx.text(node, "playbook");
        return new Block.PlaybookBlock(info, path == null ? "" : path,
                ctx.at(BuildContext.child(pointer, "playbook")),
                valueMap(ctx.object(node, "inputs"), BuildContext.child(pointer, "inputs")));
    }

    private Block code(BlockInfo info, JsonNode node, String pointer) {
        String cp = BuildContext.child(pointer, "code");
        JsonNode spec = node.get("code");
        String file = spec != null && spec.isObject() ? ctx.text(spec, "file") : null;
        String code;
        dev.wisp.dsl.diag.Location start;
        if (file != null) {
            dev.wisp.dsl.diag.Location at = ctx.at(BuildContext.child(cp, "file"));
            try {
                Path shown = CodeFiles.sibling(Path.of(ctx.doc.file()), file);
                Path path = ctx.source == null ? shown : CodeFiles.sibling(ctx.source, file);
                start = new dev.wisp.dsl.diag.Location(shown.toString(), 1, 1);
                if (ctx.codeFiles != null) {
                    code = ctx.codeFiles.get(CodeFiles.key(Path.of(ctx.doc.file()), file));
                    if (code == null) {
                        ctx.report(Code.WSP070, at, "code file '" + shown + "' of block '" + info.name()
                                + "' was not sent with the playbook");
                    }
                } else {
                    code = CodeFiles.read(path, shown, ctx, at, info.name());
                }
            } catch (java.nio.file.InvalidPathException e) {
                ctx.report(Code.WSP070, at, "code file of block '" + info.name() + "' is not a file path: "
                        + e.getReason());
                start = at;
                code = null;
            }
        } else {
            code = ctx.scalarText(node, "code");
            start = CodeFiles.inlineStart(ctx.source != null ? ctx.source : Path.of(ctx.doc.file()), ctx.at(cp),
                    ctx.keyAt(cp), code);
        }
        Map<String, dev.wisp.dsl.model.CodeOutput> outputs = new LinkedHashMap<>();
        JsonNode outs = ctx.object(node, "outputs");
        if (outs != null) {
            outs.fields().forEachRemaining(e -> {
                JsonNode o = e.getValue();
                String type = o.isObject() ? ctx.text(o, "type") : null;
                DataType t = DataType.fromId(String.valueOf(type));
                outputs.put(e.getKey(), new dev.wisp.dsl.model.CodeOutput(e.getKey(), t == null ? DataType.ANY : t,
                        o.isObject() ? ctx.text(o, "description") : null,
                        ctx.keyAt(BuildContext.child(BuildContext.child(pointer, "outputs"), e.getKey()))));
            });
        }
        return new Block.CodeBlock(info, code == null ? "" : code, start, file,
                valueMap(ctx.object(node, "inputs"), BuildContext.child(pointer, "inputs")), outputs,
                ctx.strings(node, "env"), ctx.duration(node, "timeout", null),
                "stop".equals(ctx.text(node, "on_failure")) ? OnFailure.STOP : OnFailure.CONTINUE);
    }

    private Map<String, Value> valueMap(JsonNode node, String pointer) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(),
                    values.value(e.getValue(), BuildContext.child(pointer, e.getKey()))));
        }
        return out;
    }
}
