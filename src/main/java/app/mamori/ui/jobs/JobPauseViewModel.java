package app.mamori.ui.jobs;

import app.mamori.catalog.JobPause;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.UiErrors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Whether the chosen job is paused, and Pause / Resume for it, as {@code mamori job pause} and
 * {@code job resume} do; every catalogue call on the worker.
 */
public final class JobPauseViewModel {
    private final AppContext app;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<Optional<JobPause>> paused = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String job;
    private long loads;

    public JobPauseViewModel(AppContext app, ZoneId zone) {
        this.app = app;
        this.zone = zone;
    }

    /** The chosen job's pause, empty while it runs on its schedule (or when no job is chosen). */
    public ReadOnlyObjectProperty<Optional<JobPause>> pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Why the last Pause or Resume failed, for a person; empty when it worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the job's pause off the FX thread; only the newest request is shown. */
    public void load(String job) {
        this.job = job;
        long mine = ++loads;
        message.set("");
        if (job == null) {
            paused.set(Optional.empty());
            return;
        }
        app.executor().submit(() -> app.services().jobs().pause(job), p -> {
            if (mine == loads) {
                paused.set(p);
            }
        }, UiErrors.logged("reading whether job " + job + " is paused"));
    }

    /** Pauses the chosen job with {@code reason} (blank: none); {@code done} once stored. */
    public void pause(String reason, Runnable done) {
        String j = job;
        if (j == null) {
            return;
        }
        app.executor().submit(() -> app.services().jobs().pause(j, Optional.ofNullable(reason)), p -> {
            message.set("");
            if (j.equals(job)) {
                paused.set(Optional.of(p));
            }
            done.run();
        }, this::failed);
    }

    /** Resumes the chosen job; a slot missed while paused runs once at the scheduler's next look. */
    public void resume(Runnable done) {
        String j = job;
        if (j == null) {
            return;
        }
        app.executor().submit(() -> app.services().jobs().resume(j, zone), was -> {
            message.set("");
            if (j.equals(job)) {
                paused.set(Optional.empty());
            }
            done.run();
        }, this::failed);
    }

    private void failed(Throwable e) {
        message.set(ErrorWords.say(app.text(), e));
    }
}
