package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.journal.JournalEvent;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of journal event, as a sub-playbook's parent records it and as a resumed child gets it back: a kind
 * added to the journal and forgotten here fails this test, instead of filing a child's event under a parent block.
 */
class PrefixedTest {
    /** One event of each kind, its block (where it has one) named {@code q}. */
    private static List<JournalEvent> oneOfEach() throws ReflectiveOperationException {
        List<JournalEvent> out = new ArrayList<>();
        for (Class<?> kind : JournalEvent.class.getPermittedSubclasses()) {
            RecordComponent[] parts = kind.getRecordComponents();
            Object[] args = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                args[i] = sample(parts[i]);
            }
            out.add((JournalEvent) kind.getDeclaredConstructor(types).newInstance(args));
        }
        return out;
    }

    private static Object sample(RecordComponent c) {
        Class<?> t = c.getType();
        if (c.getName().equals("block")) {
            return "q";
        }
        if (t == Instant.class) {
            return Instant.parse("2026-12-01T10:00:00Z");
        } else if (t == String.class) {
            return "x";
        } else if (t == int.class) {
            return 1;
        } else if (t == long.class) {
            return 1L;
        } else if (t == boolean.class) {
            return true;
        } else if (t == Map.class) {
            return Map.of();
        } else if (t == List.class) {
            return List.of();
        }
        throw new AssertionError("no sample for " + t + " of " + c);
    }

    @Test
    void everyEventOfAChildIsFiledUnderItsParentBlockAndComesBackUnchanged() throws Exception {
        List<JournalEvent> all = oneOfEach();
        assertTrue(all.size() >= 19, "every kind: " + all);
        for (JournalEvent e : all) {
            JournalEvent inParent = Prefixed.event("sub", e);
            String block = Prefixed.block(inParent);
            boolean aboutABlock = Prefixed.block(e) != null;
            if (aboutABlock) {
                assertEquals("sub/q", block, e.getClass().getSimpleName());
                assertEquals(List.of(e), Prefixed.childEvents("sub", List.of(inParent)),
                        e.getClass().getSimpleName() + " comes back to the child as it was");
            } else {
                assertTrue(inParent instanceof JournalEvent.Log l && l.block().equals("sub"),
                        "the child's run-level " + e.getClass().getSimpleName() + " is a line of the parent block");
                assertEquals(List.of(), Prefixed.childEvents("sub", List.of(inParent)));
            }
        }
    }

    @Test
    void aGrandchildsEventsGoToTheChildWithTheirOwnPrefix() {
        JournalEvent deep = new JournalEvent.BlockStarted(Instant.EPOCH, "a/b/c", "action");
        assertEquals(List.of(new JournalEvent.BlockStarted(Instant.EPOCH, "b/c", "action")),
                Prefixed.childEvents("a", List.of(deep)));
        assertEquals(List.of(), Prefixed.childEvents("b", List.of(deep)), "not a child of b");
        assertEquals(List.of(), Prefixed.childEvents("a", List.of(new JournalEvent.Log(Instant.EPOCH, "a", "own"))),
                "the parent block's own lines stay with the parent");
    }
}
