package app.mamori.ui.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Background work for the UI. {@link #submit} runs work off the FX thread and hands its
 * result or failure to the UI thread; {@link #onUi} is how engine listeners, called on
 * worker threads, reach the UI. Tests use {@link #direct()}, where everything runs at once
 * on the calling thread.
 */
public interface UiExecutor {

    <T> void submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** Runs {@code r} on the UI thread (at once if already on it). */
    void onUi(Runnable r);

    static UiExecutor direct() {
        return new UiExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onError.accept(e);
                    return;
                }
                onDone.accept(result);
            }

            @Override
            public void onUi(Runnable r) {
                r.run();
            }
        };
    }
}
