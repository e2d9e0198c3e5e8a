package dev.wisp.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** One run of a playbook as a Temporal workflow: its code is the engine's scheduler (see {@link WispRun}). */
@WorkflowInterface
public interface WispWorkflow {
    /** The workflow type's name, as {@code wisp runs --temporal} lists it. */
    String TYPE = "WispRun";

    @WorkflowMethod(name = TYPE)
    Wire.RunEnd run(Wire.RunInput input);

    /** Answers a question the run asks (see {@link #questions}); an answer to no open question is ignored. */
    @SignalMethod
    void answer(Wire.Answer answer);

    /** Cancels the run: running executions are cancelled and recorded as such. */
    @SignalMethod
    void cancel();

    /** The questions the run waits on now. */
    @QueryMethod
    List<Wire.Question> questions();

    /** The run's journal from line {@code from} (masked JSON lines of docs/journal.md). */
    @QueryMethod
    List<String> journal(int from);
}
