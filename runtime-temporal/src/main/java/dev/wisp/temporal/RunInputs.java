package dev.wisp.temporal;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.engine.run.Events;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a run's workflow input on the client: the playbook's text, that of every sub-playbook it may call, and that
 * of every code file their code blocks name.
 */
public final class RunInputs {
    private RunInputs() {
    }

    /**
     * The path of the sub-playbook {@code relative} called from {@code parentFile}, by the names alone (no file is
     * read): the client and every worker compute the same key.
     */
    public static String childPath(String parentFile, String relative) {
        Path parent = Path.of(parentFile).getParent();
        return (parent == null ? Path.of(relative) : parent.resolve(relative)).normalize().toString()
                .replace('\\', '/');
    }

    /**
     * A run's input.
     *
     * @param runId          the run's id
     * @param file           the playbook's file as named by the user
     * @param text           its text
     * @param read           reads a playbook or code file's text by its path (relative to the client's directory), or
     *                       throws IllegalArgumentException saying why it cannot
     * @param inputs         the inputs
     * @param event          the event
     * @param maxConcurrency executions at once
     * @param version        the client's Wisp version
     */
    public static Wire.RunInput of(String runId, String file, String text, Function<String, String> read,
                                   Map<String, Object> inputs, Events.Event event, int maxConcurrency,
                                   String version) {
        Map<String, String> subs = new LinkedHashMap<>();
        Map<String, String> code = new LinkedHashMap<>();
        Deque<String[]> todo = new ArrayDeque<>();
        todo.add(new String[] {file, text});
        PlaybookLoader loader = new PlaybookLoader(List.of());
        while (!todo.isEmpty()) {
            String[] next = todo.poll();
            LoadResult r = loader.loadString(next[1], next[0]);
            Playbook pb = r.playbook().orElse(null);
            if (pb == null) {
                continue; // the worker reports it when the run gets there
            }
            for (Block b : pb.blocks().values()) {
                if (b instanceof Block.CodeBlock c && c.file() != null) {
                    code.computeIfAbsent(PlaybookLoader.codeFileKey(next[0], c.file()), read);
                }
                if (b instanceof Block.PlaybookBlock p) {
                    String path = childPath(next[0], p.playbook());
                    if (!subs.containsKey(path)) {
                        String t = read.apply(path);
                        subs.put(path, t);
                        todo.add(new String[] {path, t});
                    }
                }
            }
        }
        return new Wire.RunInput(runId, file.replace('\\', '/'), text, subs, inputs, event.container(),
                event.artifacts(), maxConcurrency, List.of(), version, code, List.of());
    }
}
