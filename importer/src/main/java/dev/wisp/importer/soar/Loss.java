package dev.wisp.importer.soar;

import dev.wisp.dsl.diag.Diagnostic;
import java.util.Objects;

/**
 * One thing an import lost or changed, located in the export.
 *
 * @param nodeId     the SOAR node id ({@code "3"}), or {@code null} for the playbook as a whole
 * @param block      the block's name ({@code functionName}), or {@code null}
 * @param diagnostic the located diagnostic; its code's slug is the kind of loss
 */
public record Loss(String nodeId, String block, Diagnostic diagnostic) {
    public Loss {
        Objects.requireNonNull(diagnostic, "diagnostic");
    }

    /** The kind of loss: the code's slug ({@code soar-custom-python}). */
    public String kind() {
        return diagnostic.code().slug();
    }
}
