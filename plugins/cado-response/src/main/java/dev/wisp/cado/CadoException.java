package dev.wisp.cado;

/** A failed call to Cado Response, with a message a user understands (never containing the token). */
final class CadoException extends RuntimeException {
    private final int status;

    CadoException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status, or 0 when no answer came. */
    int status() {
        return status;
    }
}
