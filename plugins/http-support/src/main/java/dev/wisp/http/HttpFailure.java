package dev.wisp.http;

import java.util.Objects;

/**
 * A request that got no usable answer, with a message a user understands (secrets already masked). The kind says
 * whether the server can have processed the request, which decides whether it may be sent again.
 */
public final class HttpFailure extends RuntimeException {

    /** Why no answer came. */
    public enum Kind {
        /** Nothing reached the server (connection refused, connect timeout): provably unprocessed. */
        NOT_SENT(true, false),
        /** The host name does not resolve: nothing was sent, and trying again will not help. */
        UNKNOWN_HOST(false, false),
        /** The TLS handshake failed (untrusted certificate, wrong host name): nothing was sent. */
        TLS(false, false),
        /** The request was sent and the connection was lost before a whole answer came. */
        CONNECTION_LOST(true, true),
        /** The request was sent and no (whole) answer came in time. */
        TIMEOUT(true, true),
        /** The answer was larger than the limit; the server did answer, so the request was processed. */
        TOO_LARGE(false, false),
        /** A redirect that is not followed (too many, another scheme, HTTPS to HTTP). */
        REDIRECT(false, false),
        /** The execution was cancelled (timeout of the block, Ctrl-C) while the request was out. */
        CANCELLED(false, true),
        /** The request could not be made (a malformed URL, a body that cannot be encoded). */
        INVALID(false, false);

        private final boolean transientFailure;
        private final boolean effectUnknown;

        Kind(boolean transientFailure, boolean effectUnknown) {
            this.transientFailure = transientFailure;
            this.effectUnknown = effectUnknown;
        }

        /** Whether the same request may succeed later (a network fault rather than a mistake). */
        public boolean transientFailure() {
            return transientFailure;
        }

        /** Whether the server may have processed the request although no answer says so. */
        public boolean effectUnknown() {
            return effectUnknown;
        }
    }

    private final Kind kind;

    public HttpFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the server may have processed the request although no answer says so. */
    public boolean effectUnknown() {
        return kind.effectUnknown();
    }
}
