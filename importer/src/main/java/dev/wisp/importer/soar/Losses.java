package dev.wisp.importer.soar;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import java.util.ArrayList;
import java.util.List;

/** Collects the losses of one export, each located at a JSON pointer of it. */
final class Losses {
    private final LocatedJson json;
    private final List<Loss> losses = new ArrayList<>();

    Losses(LocatedJson json) {
        this.json = json;
    }

    void playbook(Code code, String pointer, String message) {
        add(null, null, code, json.locationOf(pointer), message);
    }

    void node(SoarNode node, Code code, String pointer, String message) {
        add(node.id(), node.name(), code, json.locationOf(pointer), message);
    }

    void node(SoarNode node, Code code, String message) {
        node(node, code, node.pointer(), message);
    }

    private void add(String nodeId, String block, Code code, Location at, String message) {
        losses.add(new Loss(nodeId, block, Diagnostic.of(code, at, message)));
    }

    Location locationOf(String pointer) {
        return json.locationOf(pointer);
    }

    List<Loss> all() {
        return List.copyOf(losses);
    }
}
