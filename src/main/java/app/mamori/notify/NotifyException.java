package app.mamori.notify;

/** A notice could not be delivered; the message is written for the admin. */
public final class NotifyException extends Exception {
    public NotifyException(String message) {
        super(message);
    }

    public NotifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
