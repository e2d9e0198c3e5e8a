package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.time.Duration;
import java.util.Objects;

/**
 * SOAR's logic loop: run the block again until a condition holds, with a pause between iterations, at most
 * {@code maxIterations} times and for at most {@code maxDuration}; whichever comes first ends the loop.
 *
 * @param until         the exit condition, evaluated over the block's latest results
 * @param interval      the pause between iterations
 * @param maxIterations the most iterations
 * @param maxDuration   the longest the loop may take
 * @param location      where the repeat is configured
 */
public record Repeat(Condition until, Duration interval, int maxIterations, Duration maxDuration,
                     Location location) {
    public Repeat {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(location, "location");
    }
}
