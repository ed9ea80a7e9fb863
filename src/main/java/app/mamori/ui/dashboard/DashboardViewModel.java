package app.mamori.ui.dashboard;

import app.mamori.service.OffsiteService;
import app.mamori.service.Services;
import app.mamori.catalog.Incident;
import app.mamori.catalog.PointStore;
import app.mamori.engine.JobStatus;
import app.mamori.engine.objective.JobObjectives;
import app.mamori.engine.objective.Verdict;
import app.mamori.model.Objectives;
import app.mamori.model.Job;
import app.mamori.model.RunStatus;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiErrors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every job at a glance, loaded off the FX thread. */
public final class DashboardViewModel {
    private final AppContext app;
    private final ZoneId zone;
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
    private final SimpleBooleanProperty firstRun = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty loaded = new SimpleBooleanProperty(false);
    private final SimpleObjectProperty<Health> worst = new SimpleObjectProperty<>(Health.GREEN);

    public DashboardViewModel(AppContext app, ZoneId zone) {
        this.app = app;
        this.zone = zone;
        // lives as long as the window (the tray shows its worst health), so it listens for good
        app.runs().finishedProperty().addListener((o, a, b) -> refresh());
        app.changes().count().addListener((o, a, b) -> refresh());
    }

    /** Reloads from the catalogue in the background. */
    public void refresh() {
        app.executor().submit(() -> load(app.services(), zone, app.text()), this::show, UiErrors.logged("loading the dashboard"));
    }

    private void show(Loaded l) {
        if (!rows.equals(l.rows())) {
            // only when something changed: rebuilding the rows under the pointer loses a click
            rows.setAll(l.rows());
        }
        if (!incidents.equals(l.incidents())) {
            incidents.setAll(l.incidents());
        }
        firstRun.set(l.noServers());
        worst.set(l.rows().stream().map(JobRow::health).max(Comparator.naturalOrder()).orElse(Health.GREEN));
        loaded.set(true);
    }

    record Loaded(List<JobRow> rows, boolean noServers, List<Incident> incidents) {
    }

    static Loaded load(Services services, ZoneId zone, I18n text) {
        Instant now = services.clock().instant();
        List<JobRow> rows = new ArrayList<>();
        // each kind of fact read once for every job: a query per job made a catalogue of 200 jobs cost 100+ ms
        Map<String, PointStore.Totals> totals = services.points().totals();
        Map<String, JobObjectives> objectives = new HashMap<>();
        services.jobs().objectiveStatuses().forEach(o -> objectives.put(o.job(), o));
        Map<String, Job> jobs = new HashMap<>();
        List<Job> listed = services.jobs().list();
        listed.forEach(j -> jobs.put(j.name(), j));
        Map<String, String> servers = services.jobs().serversOf(listed);
        Map<String, OffsiteService.Offsite> offsites = services.offsite().offsites();
        for (JobStatus s : services.jobs().statuses(zone)) {
            Job job = Optional.ofNullable(jobs.get(s.job())).orElseGet(() -> services.jobs().get(s.job()));
            String server = Optional.ofNullable(servers.get(s.job())).orElseGet(() -> services.jobs().serverOf(job));
            PointStore.Totals t = totals.getOrDefault(s.job(), new PointStore.Totals(0, 0));
            Optional<String> lastResult = s.lastRun().map(RunStatus::id);
            List<Verdict> breached = Optional.ofNullable(objectives.get(s.job())).stream()
                    .flatMap(JobObjectives::verdicts).filter(Verdict::breached).toList();
            Health health = Health.of(s, now);
            for (Verdict v : breached) {
                // losing more data than allowed is as bad as an overdue job; a slow restore is a warning
                Health h = v.objective().isRpo() ? Health.RED : Health.AMBER;
                health = h.compareTo(health) > 0 ? h : health;
            }
            rows.add(new JobRow(s.job(), server, job.vault(), health, s.lastSuccess(), lastResult,
                    s.description(), s.nextDue(), t.bytes(), (int) t.points(), s.problem(),
                    breached.stream().map(v -> breach(v, zone, text)).toList(), s.paused(),
                    Optional.ofNullable(offsites.get(s.job()))));
        }
        return new Loaded(rows, services.servers().list().isEmpty(), services.incidents().list(false));
    }

    /**
     * "RPO 1d, 6h over, since 2026-11-24 06:00": the objective, its target, how far past it the job
     * is, since when, in the app's language.
     */
    static String breach(Verdict v, ZoneId zone, I18n text) {
        Duration by = v.margin().orElse(Duration.ZERO).negated();
        String objective = text.t("objective." + v.objective().id());
        String over = Objectives.format(by.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : by);
        return v.since().map(t -> text.t("dashboard.breach.since", objective, Objectives.format(v.target()), over,
                        SINCE.format(t.atZone(zone))))
                .orElseGet(() -> text.t("dashboard.breach.over", objective, Objectives.format(v.target()), over));
    }

    private static final java.time.format.DateTimeFormatter SINCE =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** Closes an incident: its holds go, and retention treats those backups as before. */
    public void closeIncident(long id) {
        app.executor().submit(() -> app.services().incidents().close(id), i -> refresh(),
                UiErrors.logged("closing incident " + id));
    }

    /** The incident's title as the admin reads it: its kind in words unless someone gave it a title. */
    public String title(Incident i) {
        return new app.mamori.ui.fx.IncidentWords(app.text()).title(i);
    }

    /** The incidents still open, whoever opened them (the wizard, the CLI): their backups are held. */
    public ObservableList<Incident> incidents() {
        return incidents;
    }

    public void backUpNow(String job) {
        app.runs().start(job);
    }

    public ObservableList<JobRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** True when the catalogue holds no server yet: the first-run screen shows instead. */
    public ReadOnlyBooleanProperty firstRunProperty() {
        return firstRun;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    /** The worst job's colour: the tray icon's. */
    public ReadOnlyObjectProperty<Health> worstProperty() {
        return worst;
    }
}
