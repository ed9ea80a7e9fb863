package app.mamori.notify;

/** Delivers notices over one channel. */
public interface Sender {

    /** Delivers now, or throws with a message that says what to fix. */
    void send(Notice notice) throws NotifyException;
}
