package dev.wisp.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** The run's time: a clock and timers that hold no thread while they wait. Tests use {@link ManualTime}. */
public interface TimeSource {

    Clock clock();

    /** Completes after {@code duration}. */
    CompletionStage<Void> delay(Duration duration);
}
