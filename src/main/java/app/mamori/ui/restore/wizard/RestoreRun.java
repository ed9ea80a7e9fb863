package app.mamori.ui.restore.wizard;

import app.mamori.engine.restore.RestoreListener;
import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.model.Note;
import app.mamori.source.RestoreCommand;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.NoteWords;
import app.mamori.util.CancelToken;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One restore running from the wizard: its steps and log as they happen, bytes streamed with
 * throughput and time left, Cancel, and the result. The engine calls the listener on its own
 * thread; everything shown is handed to the FX thread through the app's executor, at most a few
 * times a second for progress.
 */
public final class RestoreRun {
    private static final long PROGRESS_EVERY_NS = 200_000_000L;

    private final AppContext app;
    private final Format format;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RestoreResult> result = new ReadOnlyObjectWrapper<>();
    private volatile CancelToken cancel = CancelToken.none();

    RestoreRun(AppContext app, Format format) {
        this.app = app;
        this.format = format;
    }

    /**
     * Starts {@code plan} on a worker; call on the FX thread.
     *
     * @param total the bytes the restore streams (a dump's size before compression), or -1 when unknown
     */
    void start(RestorePlan plan, long total) {
        if (running.get()) {
            return;
        }
        CancelToken token = new CancelToken();
        cancel = token;
        running.set(true);
        cancelling.set(false);
        result.set(null);
        log.clear();
        progress.set(-1);
        speed.set("");
        long t0 = System.nanoTime();
        AtomicLong lastShown = new AtomicLong(Long.MIN_VALUE);
        RestoreListener listener = new RestoreListener() {
            @Override
            public void step(String what) {
                app.executor().onUi(() -> {
                    status.set(what);
                    log.add(what);
                });
            }

            @Override
            public void step(Note what) {
                step(NoteWords.say(app.text(), "note.", what));
            }

            @Override
            public void note(Note line) {
                log(NoteWords.say(app.text(), "note.", line));
            }

            @Override
            public void commandStarted(RestoreCommand command) {
                step(command.said());
            }

            @Override
            public void log(String line) {
                app.executor().onUi(() -> log.add(line));
            }

            @Override
            public void progress(long bytes) {
                long now = System.nanoTime();
                long last = lastShown.get();
                if (last != Long.MIN_VALUE && now - last < PROGRESS_EVERY_NS || !lastShown.compareAndSet(last, now)) {
                    return;
                }
                double seconds = Math.max(1e-3, (now - t0) / 1e9);
                long rate = (long) (bytes / seconds);
                // all sent is nothing left, not "unknown"
                long left = rate > 0 ? Math.max(0, total - bytes) / rate : -1;
                app.executor().onUi(() -> {
                    progress.set(total > 0 ? Math.min(1.0, (double) bytes / total) : -1);
                    speed.set(total > 0 ? app.text().t("wizard.run.speed", format.bytes(bytes), format.bytes(total),
                            format.rate(rate), format.eta(left)) : app.text().t("wizard.run.speedNoTotal",
                            format.bytes(bytes), format.rate(rate)));
                });
            }
        };
        app.executor().submit(() -> app.services().points().restore(plan, listener, token), r -> {
            running.set(false);
            progress.set(r.ok() ? 1 : progress.get());
            status.set(r.ok() ? app.text().t("wizard.run.succeeded") : app.text().t("wizard.run.failed"));
            result.set(r);
        }, e -> {
            running.set(false);
            status.set(app.text().t("wizard.run.failed"));
            log.add(ErrorWords.say(app.text(), e));
        });
    }

    /** Asks the restore to stop; the engine kills the running server command and says what state the target is in. */
    public void cancel() {
        if (running.get() && !cancelling.get()) {
            cancelling.set(true);
            status.set(app.text().t("wizard.run.cancelling"));
            cancel.cancel();
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** 0 to 1 of the artifact streamed; -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "12 MB of 40 MB, 8 MB/s, 4 s left". */
    public ReadOnlyStringProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyObjectProperty<RestoreResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

}
