package app.mamori.ui.fx;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The app's {@link UiExecutor}: a pool of daemon worker threads, and {@code Platform.runLater}
 * as the only way back to the FX thread. Several backups may run at once, so the pool grows
 * with demand instead of queueing a second job behind the first.
 */
public final class FxExecutor implements UiExecutor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FxExecutor.class.getName());
    private final ExecutorService pool = Executors.newCachedThreadPool(new Named());

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        if (pool.isShutdown()) {
            // the window closed while a run or a timer was still finishing: nobody is left to show the result
            LOG.log(System.Logger.Level.DEBUG, "work submitted after close, dropped");
            return;
        }
        pool.execute(() -> {
            try {
                T result = work.call();
                onUi(() -> onDone.accept(result));
            } catch (Exception | Error e) {
                LOG.log(System.Logger.Level.WARNING, "background work failed", e);
                onUi(() -> onError.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "mamori-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
