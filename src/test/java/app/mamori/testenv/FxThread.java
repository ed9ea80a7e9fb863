package app.mamori.testenv;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs work on the FX thread from a plain main (benchmarks, screenshots) and waits for its result. */
public final class FxThread {
    private FxThread() {
    }

    public static <T> T call(Callable<T> work) throws Exception {
        return call(work, 30);
    }

    public static <T> T call(Callable<T> work, int timeoutSeconds) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(timeoutSeconds, TimeUnit.SECONDS);
    }
}
