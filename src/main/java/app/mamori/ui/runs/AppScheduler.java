package app.mamori.ui.runs;

import app.mamori.engine.DueRunner;
import app.mamori.ui.AppContext;
import app.mamori.util.CancelToken;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While the app runs, starts due jobs once a minute (catch-up and retries as `mamori
 * run-due` does them), then tells notifiers and checks for overdue jobs and the digest. The
 * job lock keeps it from running a job that the OS timer's run-due already runs.
 */
public final class AppScheduler {
    static final Duration EVERY = Duration.minutes(1);

    private final AppContext app;
    private final ZoneId zone;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile boolean paused;
    private final CancelToken cancel = new CancelToken();
    private Timeline timeline;

    public AppScheduler(AppContext app, ZoneId zone) {
        this.app = app;
        this.zone = zone;
    }

    /** Checks now, then every minute. Call on the FX thread. */
    public void start() {
        checkNow();
        timeline = new Timeline(new KeyFrame(EVERY, e -> checkNow()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
        }
        cancel.cancel();
    }

    /**
     * Paused, the app starts no scheduled run (the tray's "pause schedules"); a run already
     * going finishes. Missed slots are caught up after resuming, as after a night switched off.
     */
    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    /** Runs what is due on a worker, unless paused or a check is still going. */
    public void checkNow() {
        if (paused || !checking.compareAndSet(false, true)) {
            return;
        }
        app.executor().submit(() -> {
            return app.services().runs().runDue(zone, app.runs()::forScheduledRuns, cancel,
                    DueRunner.DEFAULT_PARALLEL).outcomes();
        }, outcomes -> checking.set(false), e -> checking.set(false));
    }
}
