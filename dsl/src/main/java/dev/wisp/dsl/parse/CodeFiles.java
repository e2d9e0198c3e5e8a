package dev.wisp.dsl.parse;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Location;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a code block's Python comes from: a file beside the playbook, or the playbook's own lines. */
final class CodeFiles {
    /** Larger than any script a person writes by hand; keeps a mistaken path to a data file from loading it. */
    static final long MAX_BYTES = 1 << 20;

    private CodeFiles() {
    }

    /** {@code relative} beside {@code playbook}. */
    static Path sibling(Path playbook, String relative) {
        Path parent = playbook.getParent();
        return parent == null ? Path.of(relative) : parent.resolve(relative).normalize();
    }

    /** A code file's key beside {@code playbook}: its normalised path with forward slashes. */
    static String key(Path playbook, String relative) {
        return sibling(playbook, relative).toString().replace('\\', '/');
    }

    /** The file's text (read at {@code path}, named {@code shown}), or null after reporting why it cannot be read. */
    static String read(Path path, Path shown, BuildContext ctx, Location at, String block) {
        try {
            if (!Files.isRegularFile(path)) {
                ctx.report(Code.WSP070, at, "code file '" + shown + "' of block '" + block + "' does not exist; "
                        + "it is read relative to the playbook");
                return null;
            }
            if (Files.size(path) > MAX_BYTES) {
                ctx.report(Code.WSP070, at, "code file '" + shown + "' of block '" + block + "' is larger than 1 MiB");
                return null;
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            ctx.report(Code.WSP070, at, "code file '" + shown + "' of block '" + block + "' is not UTF-8");
        } catch (IOException e) {
            ctx.report(Code.WSP070, at, "code file '" + shown + "' of block '" + block + "' cannot be read: "
                    + e.getMessage());
        }
        return null;
    }

    /**
     * Where the first line of inline code is. A one-line scalar starts where its value does; a block scalar
     * ({@code code: |}) on the line after, at its indentation (read from the playbook's file when it can be read,
     * else taken as two spaces deeper than the key).
     */
    static Location inlineStart(Path file, Location value, Location key, String code) {
        if (value.line() == 0 || code == null || !code.contains("\n")) {
            return value;
        }
        int line = value.line() + 1;
        int column = key.column() + 2;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = line - 1; i < lines.size(); i++) {
                String l = lines.get(i);
                if (!l.isBlank()) {
                    column = l.length() - l.stripLeading().length() + 1;
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // loaded from a string, or the file changed: the conventional indentation is the best guess
        }
        return new Location(value.file(), line, column);
    }
}
