package dev.wisp.engine.exec;

/**
 * Every run test again with an app whose connections say they never block: the engine then calls them on the run's
 * own thread and takes answers that are already there without a thread hand-off, and nothing else may change.
 */
class RunInlineTest extends RunTest {
    @Override
    Harness harness() {
        Harness inline = new Harness();
        inline.app.nonBlocking = true;
        return inline;
    }
}
