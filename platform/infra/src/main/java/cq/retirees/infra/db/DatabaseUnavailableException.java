package cq.retirees.infra.db;

/** No connection could be had: the caller answers 503, never a stack trace. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(Throwable cause) {
        super("database unavailable", cause);
    }
}
