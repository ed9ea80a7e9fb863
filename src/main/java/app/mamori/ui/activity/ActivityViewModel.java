package app.mamori.ui.activity;

import app.mamori.catalog.Event;
import app.mamori.catalog.EventFilter;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.Run;
import app.mamori.model.RunStatus;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.EventWords;
import app.mamori.ui.fx.UiErrors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Locale;
import java.util.Optional;

/** The newest events, narrowed by level and job, and searched by text as the admin types. */
public final class ActivityViewModel {
    static final int LIMIT = 2000;
    /** The job filter's "every job" entry; no job name can be it (model.Names). */
    public static final String ALL_JOBS = "*";

    private final AppContext app;
    private final ObservableList<Event> all = FXCollections.observableArrayList();
    private final FilteredList<Event> shown = new FilteredList<>(all, e -> true);
    private final ObservableList<String> jobs = FXCollections.observableArrayList(ALL_JOBS);
    private final ObjectProperty<EventLevel> minLevel = new SimpleObjectProperty<>(EventLevel.INFO);
    private final StringProperty job = new SimpleStringProperty(ALL_JOBS);
    private final StringProperty search = new SimpleStringProperty("");
    private final EventWords words;
    private final app.mamori.ui.fx.Format format;

    public ActivityViewModel(AppContext app, app.mamori.ui.fx.Format format) {
        this.app = app;
        this.format = format;
        this.words = new EventWords(app.text(), format);
        minLevel.addListener((o, a, b) -> refilter());
        job.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
    }

    public void refresh() {
        app.executor().submit(() -> new Loaded(app.services().activity().events(EventFilter.all(), LIMIT),
                app.services().jobs().list().stream().map(j -> j.name()).toList()), l -> {
            if (all.equals(l.events()) && jobs.subList(Math.min(1, jobs.size()), jobs.size()).equals(l.jobs())) {
                return;
            }
            all.setAll(l.events());
            java.util.List<String> choices = new java.util.ArrayList<>(java.util.List.of(ALL_JOBS));
            choices.addAll(l.jobs());
            if (!jobs.equals(choices)) {
                // item by item: replacing them all clears the combo box's value, and with it this one
                jobs.retainAll(choices);
                for (int i = 0; i < choices.size(); i++) {
                    if (i >= jobs.size() || !jobs.get(i).equals(choices.get(i))) {
                        jobs.remove(choices.get(i));
                        jobs.add(i, choices.get(i));
                    }
                }
                if (!jobs.contains(job.get())) {
                    job.set(ALL_JOBS);
                }
            }
            refilter();
        }, UiErrors.logged("loading the activity log"));
    }

    private record Loaded(java.util.List<Event> events, java.util.List<String> jobs) {
    }

    private void refilter() {
        String needle = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        EventLevel level = minLevel.get() == null ? EventLevel.INFO : minLevel.get();
        String j = job.get() == null ? ALL_JOBS : job.get();
        shown.setPredicate(e -> e.level().ordinal() >= level.ordinal()
                && (j.equals(ALL_JOBS) || e.job().map(j::equals).orElse(false))
                && (needle.isEmpty() || text(e).toLowerCase(Locale.ROOT).contains(needle)
                || e.message().toLowerCase(Locale.ROOT).contains(needle)
                || e.kind().contains(needle) || e.server().map(s -> s.contains(needle)).orElse(false)));
    }

    /** What the event says, in the app's language when the engine recorded its message key, else as stored. */
    public String text(Event e) {
        return words.of(e);
    }

    /** The run behind a failed-run event, with its remote stderr, for the details pane. */
    public Optional<Run> runOf(Event e) {
        return e.run().isPresent() ? app.services().activity().run(e.run().getAsLong()) : Optional.empty();
    }

    /** The details pane for an event: when, how grave, what it says, and for a failed run what went wrong. */
    public String details(Event e) {
        StringBuilder s = new StringBuilder(format.when(e.time())).append("  ")
                .append(app.text().t("activity.levelName." + e.level().id())).append('\n').append(text(e)).append('\n');
        e.server().ifPresent(x -> s.append(app.text().t("activity.server", x)).append('\n'));
        runOf(e).filter(r -> r.error().isPresent()).ifPresent(r -> appendRun(s, r, e.phrase().isEmpty()));
        return s.toString();
    }

    /**
     * The run's message only where the event has no sentence of its own: a run's failure event
     * already says it, in the app's language, and the run keeps only the command line's English.
     * What a server wrote is shown as written; a stack trace stays in the log, and an interrupted
     * run's note is said here rather than as the command line stored it.
     */
    private void appendRun(StringBuilder s, Run r, boolean withMessage) {
        s.append('\n').append(app.text().t("activity.runFailed", r.id(), r.job())).append('\n');
        if (withMessage) {
            s.append(r.error().get()).append('\n');
        }
        if (r.status() == RunStatus.INTERRUPTED) {
            s.append(app.text().t("activity.processGone", r.pid())).append('\n');
        } else if (r.errorDetails().filter(d -> d.contains("\n\tat ")).isPresent()) {
            s.append('\n').append(app.text().t("activity.detailsInLog")).append('\n');
        } else {
            r.errorDetails().filter(d -> !d.isBlank()).ifPresent(d -> s.append('\n')
                    .append(app.text().t("activity.remoteOutput")).append('\n').append(d.strip()).append('\n'));
        }
        s.append('\n').append(app.text().t("activity.whatToDo", r.job()));
    }

    public ObservableList<Event> shown() {
        return shown;
    }

    public ObservableList<String> jobs() {
        return jobs;
    }

    public ObjectProperty<EventLevel> minLevelProperty() {
        return minLevel;
    }

    public StringProperty jobProperty() {
        return job;
    }

    public StringProperty searchProperty() {
        return search;
    }
}
