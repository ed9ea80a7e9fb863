package app.mamori.ui.runs;

import app.mamori.engine.BackupPlan;
import app.mamori.engine.RunResult;
import app.mamori.engine.SourceResult;
import app.mamori.util.CancelToken;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One backup started from the app, from plan to result. Changed on the FX thread only. */
public final class RunViewModel {
    public enum State { STARTING, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    static final int LOG_LINES = 500;

    private final String job;
    private final RunWords words;
    private final CancelToken cancel = new CancelToken();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.STARTING);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<SourceProgress> sources = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();

    RunViewModel(String job, RunWords words) {
        this.job = job;
        this.words = words;
    }

    public String job() {
        return job;
    }

    /** Asks the engine to stop: the remote commands are killed and nothing half-written is kept. */
    public void cancel() {
        cancel.cancel();
        appendLog(words.cancelling());
    }

    CancelToken cancelToken() {
        return cancel;
    }

    public boolean running() {
        return state.get() == State.STARTING || state.get() == State.RUNNING;
    }

    void planned(BackupPlan plan) {
        sources.setAll(plan.steps().stream().map(s -> new SourceProgress(s.source().name(), s.description())).toList());
        state.set(State.RUNNING);
    }

    SourceProgress source(String name) {
        return sources.stream().filter(s -> s.source().equals(name)).findFirst().orElse(null);
    }

    void sourceFinished(SourceResult r) {
        SourceProgress p = source(r.source());
        if (p != null) {
            p.finished(r.ok(), r.ok() ? null : words.why(r));
        }
    }

    void appendLog(String line) {
        log.add(line);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }

    void finished(RunResult r) {
        state.set(switch (r.status()) {
            case SUCCEEDED -> State.SUCCEEDED;
            case CANCELLED -> State.CANCELLED;
            default -> State.FAILED;
        });
        message.set(r.ok() ? r.point().map(p -> p.id()).orElse("") : words.why(r));
        sources.stream().filter(s -> s.phaseProperty().get() == SourceProgress.Phase.RUNNING
                || s.phaseProperty().get() == SourceProgress.Phase.WAITING)
                .forEach(s -> s.finished(false, r.ok() ? null : words.notFinished()));
        appendLog(r.ok() ? words.runDone(message.get()) : words.runEnded(r.status(), message.get()));
    }

    void failedToStart(Throwable e) {
        state.set(State.FAILED);
        message.set(words.error(e));
        appendLog(words.couldNotStart(message.get()));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ObservableList<SourceProgress> sources() {
        return FXCollections.unmodifiableObservableList(sources);
    }

    public ObservableList<String> log() {
        return FXCollections.unmodifiableObservableList(log);
    }
}
