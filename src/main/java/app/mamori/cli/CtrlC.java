package app.mamori.cli;

import app.mamori.util.CancelToken;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs engine work that Ctrl-C (or the process being told to stop) cancels cleanly instead of
 * killing midway. The JVM halts as soon as its shutdown hooks return, so the hook does not just
 * cancel: it waits (a bounded while) until the command has closed its guard, that is, until the
 * work has killed what it started on the server, removed its temp files, recorded the run as
 * cancelled and printed its one line. Without the wait a stopped backup left its remote dump
 * running and its run recorded as interrupted.
 */
final class CtrlC implements AutoCloseable {
    private static final long GRACE_SECONDS = 20;

    private final CancelToken cancel = new CancelToken();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::cancelAndWait, "mamori-cancel");

    private CtrlC() {
    }

    /** Cancels the token on Ctrl-C until closed; close it after the command has said how it ended. */
    static CtrlC install() {
        CtrlC c = new CtrlC();
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    static <T> T cancellable(Function<CancelToken, T> work) {
        try (CtrlC c = install()) {
            return work.apply(c.token());
        }
    }

    CancelToken token() {
        return cancel;
    }

    private void cancelAndWait() {
        cancel.cancel();
        try {
            closed.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it has cancelled the work and now lets the JVM halt
        }
    }
}
