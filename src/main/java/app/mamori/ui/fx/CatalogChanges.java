package app.mamori.ui.fx;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.util.Duration;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells every page that the catalogue changed, whoever changed it: the command line, the
 * OS timer's run-due, another window or this one. It asks for the catalogue's change stamp
 * on a worker every {@link #EVERY} and counts up {@link #count()} on the FX thread when the
 * stamp moved; pages reload when the count changes. The first stamp seen counts as a change
 * too: pages loaded before it was read, and whatever changed in between (a backup finished
 * by the command line while the window opened) must not wait for the next change to show.
 */
public final class CatalogChanges {
    public static final Duration EVERY = Duration.seconds(2);

    private final UiExecutor executor;
    private final Callable<Long> stamp;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final AtomicBoolean asking = new AtomicBoolean();
    private Long last;
    private Timeline timeline;

    public CatalogChanges(UiExecutor executor, Callable<Long> stamp) {
        this.executor = executor;
        this.stamp = stamp;
    }

    /** Counts up once per change seen. Read on the FX thread. */
    public ReadOnlyIntegerProperty count() {
        return count.getReadOnlyProperty();
    }

    /** Starts asking; call on the FX thread. */
    public void start() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(EVERY, e -> check()));
            timeline.setCycleCount(Animation.INDEFINITE);
            timeline.play();
        }
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }

    /** Asks once (a check still in flight makes this one a no-op). */
    public void check() {
        if (!asking.compareAndSet(false, true)) {
            return;
        }
        executor.submit(stamp, s -> {
            asking.set(false);
            if (!s.equals(last)) {
                count.set(count.get() + 1);
            }
            last = s;
        }, e -> {
            asking.set(false);
            // the catalogue is briefly locked by another process: the next tick asks again
            System.getLogger(CatalogChanges.class.getName()).log(System.Logger.Level.DEBUG, "change check failed", e);
        });
    }
}
