package dev.wisp.dsl.check;

import dev.wisp.dsl.model.Playbook;
import java.util.Optional;

/** Finds the playbook a {@code playbook:} block names, relative to the parent's file. */
public interface SubPlaybooks {

    /**
     * The sub-playbook, or empty with {@code problem} describing why (not found, invalid).
     *
     * @param playbook the sub-playbook when it loaded without errors
     * @param problem  why it could not be used, when it could not
     */
    record Found(Optional<Playbook> playbook, String problem) {
    }

    Found find(Playbook parent, String relativePath);

    /** A resolver that knows no sub-playbooks: every reference is reported. */
    static SubPlaybooks none() {
        return (parent, path) -> new Found(Optional.empty(), "sub-playbooks are not resolved here");
    }
}
