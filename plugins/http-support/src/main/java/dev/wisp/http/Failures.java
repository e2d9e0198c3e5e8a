package dev.wisp.http;

import dev.wisp.spi.ActionResult.Failure;
import java.util.concurrent.CompletionException;

/** Whether trying again can help, for what an HTTP app's execution failed on. */
public final class Failures {
    private Failures() {
    }

    /** 408, 429 and 5xx are passing; other 4xx are mistakes that stay; anything else is not said. */
    public static Failure ofStatus(int status) {
        if (status == 408 || status == 429 || status >= 500 && status <= 599) {
            return Failure.TRANSIENT;
        }
        return status >= 400 && status < 500 ? Failure.PERMANENT : Failure.UNSPECIFIED;
    }

    /** The message of what failed, the wrapping of completion stages taken off. */
    public static String message(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * For an exception: an {@link HttpFailure} by its kind (network faults and timeouts are transient; TLS, an
     * unknown host, a too-large answer or a refused redirect are permanent), bad input
     * ({@link IllegalArgumentException}) permanent, anything else not said.
     */
    public static Failure of(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpFailure f) {
            return f.kind() == HttpFailure.Kind.CANCELLED ? Failure.UNSPECIFIED
                    : f.kind().transientFailure() ? Failure.TRANSIENT : Failure.PERMANENT;
        }
        return cause instanceof IllegalArgumentException ? Failure.PERMANENT : Failure.UNSPECIFIED;
    }
}
