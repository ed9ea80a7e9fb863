package app.mamori.cli;

import app.mamori.util.CancelToken;

import java.util.function.Function;

/** Runs engine work that Ctrl-C (or the process being told to stop) cancels cleanly instead of killing midway. */
final class CtrlC {
    private CtrlC() {
    }

    static <T> T cancellable(Function<CancelToken, T> work) {
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel, "mamori-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.apply(cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has cancelled the work
            }
        }
    }
}
