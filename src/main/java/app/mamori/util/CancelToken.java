package app.mamori.util;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cooperative cancellation shared by the engine and the I/O it drives. Whoever holds the
 * token may {@link #cancel()}; whoever does the work registers what to do on cancel
 * (close a channel, kill a remote process) and checks {@link #isCancelled()} between steps.
 */
public final class CancelToken {
    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable r : onCancel) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // a cancel hook failing must not stop the others
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} on cancel (at once if already cancelled); close the returned handle when done. */
    public AutoCloseable onCancel(Runnable hook) {
        onCancel.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> onCancel.remove(hook);
    }

    public void throwIfCancelled() throws CancelledException {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Thrown by work that stopped because its token was cancelled. */
    public static final class CancelledException extends java.io.IOException {
        public CancelledException() {
            super("cancelled");
        }
    }
}
