package dev.wisp.engine.code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.dsl.model.Block;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs a run's code blocks on its warm interpreters ({@link PythonPool}), one {@link CodeExecution} each, and
 * keeps what they saved for later blocks ({@code save_run_data}, {@code format}). Runs on the worker thread that
 * calls it and answers when Python has.
 */
final class CodeConnection implements AppConnection {
    private static final ObjectMapper JSON = JournalCodec.mapper();
    private final Map<String, Block.CodeBlock> blocks;
    private final CodeSettings settings;
    private final Map<String, Object> container;
    private final Map<String, Object> runData = new LinkedHashMap<>();
    private final Map<String, Object> formats = new LinkedHashMap<>();
    private final PythonPool pool;

    CodeConnection(Map<String, Block.CodeBlock> blocks, CodeSettings settings, Map<String, Object> container,
                   Map<String, Object> savedBefore, Map<String, Object> formatsBefore) {
        this.blocks = Map.copyOf(blocks);
        this.settings = settings;
        this.container = container;
        runData.putAll(savedBefore);
        formats.putAll(formatsBefore);
        this.pool = new PythonPool(settings);
    }

    @Override
    public CompletionStage<ActionResult> execute(ActionContext ctx) {
        Block.CodeBlock block = blocks.get(ctx.blockName());
        Map<String, Object> params = ctx.parameters();
        if (block == null) {
            return failed(params, "block " + ctx.blockName() + " is not a code block");
        }
        if (!settings.allowed()) {
            return failed(params, Python.problem(settings).orElse("code blocks are off"));
        }
        String request;
        try {
            request = JSON.writeValueAsString(request(block, params));
        } catch (JsonProcessingException e) {
            return failed(params, "its inputs cannot be written as JSON: " + e.getOriginalMessage());
        }
        PythonProcess p;
        try {
            p = pool.borrow(block);
        } catch (IOException e) {
            return failed(params, "cannot start Python: " + e.getMessage());
        }
        long t0 = System.nanoTime();
        CodeExecution.Ended end = new CodeExecution(ctx, block, p).run(request);
        if (end.failure() != null) {
            return failed(params, end.failure());
        }
        pool.giveBack(block, p);
        CodeResults.Outcome o = CodeResults.of(ctx, block, CodeExecution.parse(end.answer()),
                (System.nanoTime() - t0) / 1_000_000);
        if (o.result().succeeded()) {
            saved(o.runData(), o.formats());
        }
        return CompletableFuture.completedFuture(o.result());
    }

    private static CompletionStage<ActionResult> failed(Map<String, Object> params, String message) {
        return CompletableFuture.completedFuture(ActionResult.failed(params, message));
    }

    private Map<String, Object> request(Block.CodeBlock block, Map<String, Object> params) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("block", block.name());
        r.put("code", block.code());
        r.put("filename", block.file() != null ? block.file() : "<code block " + block.name() + ">");
        r.putAll(CodeInputs.request(block, params));
        r.put("outputs", new ArrayList<>(block.outputs().keySet()));
        r.put("container", container);
        synchronized (this) {
            r.put("run_data", new LinkedHashMap<>(runData));
            r.put("formats", new LinkedHashMap<>(formats));
        }
        return r;
    }

    /** Records what a successful execution saved for later blocks. */
    private synchronized void saved(Map<String, Object> data, Map<String, Object> formatted) {
        runData.putAll(data);
        formats.putAll(formatted);
    }

    @Override
    public void close() {
        pool.close();
    }
}
