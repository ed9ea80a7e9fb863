package app.mamori.ui.jobs;

import app.mamori.engine.PruneJobPlan;
import app.mamori.model.Job;
import app.mamori.model.Objectives;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.retention.PrunePlan;
import app.mamori.retention.Reason;
import app.mamori.schedule.Schedule;
import app.mamori.service.JobService;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.RetentionWords;
import app.mamori.ui.fx.ScheduleWords;
import app.mamori.ui.fx.SourceKinds;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Editing one job: its sources (of its server), vault, schedule (read back in plain words as
 * typed) and retention policy, with a preview of what the policy would keep and remove now.
 */
public final class JobEditorViewModel {
    /** A source of the job's server, ticked when the job backs it up; {@code label} names it with its kind in words. */
    public record SourceChoice(Source source, javafx.beans.property.BooleanProperty chosen, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final AppContext app;
    private final ZoneId zone;
    private final String job;
    private String originalSchedule = "";
    private final javafx.beans.property.ReadOnlyBooleanWrapper loaded = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private long previews;
    public final ObservableList<SourceChoice> sources = FXCollections.observableArrayList();
    public final ObservableList<String> vaults = FXCollections.observableArrayList();
    public final StringProperty vault = new SimpleStringProperty("");
    public final StringProperty name = new SimpleStringProperty("");
    public final ObservableList<String> servers = FXCollections.observableArrayList();
    public final StringProperty server = new SimpleStringProperty("");
    public final StringProperty schedule = new SimpleStringProperty("");
    public final StringProperty scheduleWords = new SimpleStringProperty("");
    public final StringProperty scheduleError = new SimpleStringProperty("");
    public final List<StringProperty> keep = List.of(new SimpleStringProperty("0"), new SimpleStringProperty("0"),
            new SimpleStringProperty("0"), new SimpleStringProperty("0"), new SimpleStringProperty("0"),
            new SimpleStringProperty("0"));
    public final StringProperty keepError = new SimpleStringProperty("");
    /** Recovery objectives as typed: 24h, 4h, 1h30m; empty for none. */
    public final StringProperty rpo = new SimpleStringProperty("");
    public final StringProperty rto = new SimpleStringProperty("");
    public final StringProperty objectivesError = new SimpleStringProperty("");
    /** When run-due and the app drill the newest good point: quarterly, monthly, any schedule; empty for never. */
    public final StringProperty drill = new SimpleStringProperty("");
    public final StringProperty drillWords = new SimpleStringProperty("");
    public final StringProperty drillError = new SimpleStringProperty("");
    private String originalDrill = "";
    /** How long a dump may send nothing before it is stopped; empty: the default (30m). */
    public final StringProperty stall = new SimpleStringProperty("");
    public final StringProperty stallError = new SimpleStringProperty("");
    private String originalStall = "";
    public final ObservableList<String> preview = FXCollections.observableArrayList();
    public final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding valid;

    /** The keep-* rules in the order of {@link #keep}. */
    public static final List<String> RULES = List.of("last", "hourly", "daily", "weekly", "monthly", "yearly");

    /** Edits the existing job {@code job}. */
    public JobEditorViewModel(AppContext app, String job, ZoneId zone) {
        this(app, zone, job);
    }

    /** A new job: name, server and its sources, vault, schedule and the default retention policy. */
    public static JobEditorViewModel forNewJob(AppContext app, ZoneId zone) {
        return new JobEditorViewModel(app, zone, null);
    }

    private JobEditorViewModel(AppContext app, ZoneId zone, String job) {
        this.app = app;
        this.zone = zone;
        this.job = job;
        schedule.addListener((o, a, b) -> readSchedule());
        keep.forEach(k -> k.addListener((o, a, b) -> refreshPreview()));
        rpo.addListener((o, a, b) -> objectives());
        rto.addListener((o, a, b) -> objectives());
        drill.addListener((o, a, b) -> readDrill());
        stall.addListener((o, a, b) -> stallLimit());
        valid = Bindings.createBooleanBinding(() -> loaded.get() && scheduleError.get().isEmpty()
                && keepError.get().isEmpty() && objectivesError.get().isEmpty() && drillError.get().isEmpty()
                && stallError.get().isEmpty() && !name.get().isBlank(), loaded, scheduleError, keepError,
                objectivesError, drillError, stallError, name);
        if (job == null) {
            server.addListener((o, a, b) -> loadSources(b, List.of()));
        }
        app.executor().submit(this::read, this::show, e -> message.set(ErrorWords.say(app.text(), e)));
    }

    /** What the editor starts from, read off the FX thread. */
    private record Loaded(List<String> vaults, List<String> servers, String server, List<String> chosen,
                          String vault, String schedule, RetentionPolicy policy, Objectives objectives, String drill,
                          String stall) {
    }

    private Loaded read() {
        JobService jobs = app.services().jobs();
        List<String> vaultNames = app.services().vaults().list().stream().map(Vault::name).toList();
        if (job == null) {
            List<String> serverNames = app.services().servers().list().stream().map(Server::name).toList();
            return new Loaded(vaultNames, serverNames, serverNames.isEmpty() ? "" : serverNames.get(0), List.of(),
                    vaultNames.isEmpty() ? "" : vaultNames.get(0), "", jobs.defaultRetention(), Objectives.NONE, "", "");
        }
        Job j = jobs.get(job);
        return new Loaded(vaultNames, List.of(), jobs.serverOf(j), j.sources(), j.vault(),
                jobs.schedule(job).orElse(""), jobs.retention(job), jobs.objectives(job),
                jobs.drillSchedule(job).orElse(""), jobs.stallTimeout(job).map(Objectives::format).orElse(""));
    }

    private void show(Loaded l) {
        vaults.setAll(l.vaults());
        servers.setAll(l.servers());
        originalSchedule = l.schedule();
        if (job == null) {
            server.set(l.server());
        } else {
            name.set(job);
            server.set(l.server());
            loadSources(l.server(), l.chosen());
        }
        vault.set(l.vault());
        schedule.set(l.schedule());
        RetentionPolicy p = l.policy();
        int[] n = {p.last(), p.hourly(), p.daily(), p.weekly(), p.monthly(), p.yearly()};
        for (int i = 0; i < n.length; i++) {
            keep.get(i).set(Integer.toString(n[i]));
        }
        rpo.set(l.objectives().rpo().map(Objectives::format).orElse(""));
        rto.set(l.objectives().rto().map(Objectives::format).orElse(""));
        originalDrill = l.drill();
        drill.set(l.drill());
        originalStall = l.stall();
        stall.set(l.stall());
        readSchedule();
        readDrill();
        loaded.set(true);
        refreshPreview();
    }

    private void loadSources(String onServer, List<String> ticked) {
        sources.clear();
        if (onServer == null || onServer.isEmpty()) {
            return;
        }
        app.executor().submit(() -> app.services().sources().onServer(onServer), list -> {
            if (onServer.equals(server.get())) {
                sources.setAll(list.stream().map(s -> new SourceChoice(s,
                        new javafx.beans.property.SimpleBooleanProperty(ticked.contains(s.name())),
                        s.name() + " (" + SourceKinds.name(app.text(), s.kind()) + ")")).toList());
            }
        }, e -> message.set(ErrorWords.say(app.text(), e)));
    }

    /** True once the job, its server's sources and the vaults have been read: until then the form waits. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True for a job that does not exist yet: the name and server can still be chosen. */
    public boolean isNew() {
        return job == null;
    }

    public String job() {
        return job == null ? name.get().trim() : job;
    }

    public BooleanBinding valid() {
        return valid;
    }

    private void readSchedule() {
        read(schedule, scheduleWords, scheduleError, "editor.notScheduled", e -> ErrorWords.say(app.text(), e));
    }

    /** The drill schedule in words, or why it does not read as one. */
    private void readDrill() {
        read(drill, drillWords, drillError, "editor.drill.none",
                e -> app.text().t("editor.drill.bad", drill.get().trim()));
    }

    /** A schedule field read back in words with its next slot, or the error: the words for an empty one. */
    private void read(StringProperty field, StringProperty words, StringProperty error, String emptyKey,
                      java.util.function.Function<IllegalArgumentException, String> why) {
        String text = field.get() == null ? "" : field.get().trim();
        if (text.isEmpty()) {
            words.set(app.text().t(emptyKey));
            error.set("");
            return;
        }
        try {
            Schedule s = Schedule.parse(text);
            words.set(app.text().t("schedule.next", new ScheduleWords(app.text()).of(s.parts()),
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                            .format(s.next(app.clock().instant(), zone).atZone(zone))));
            error.set("");
        } catch (IllegalArgumentException e) {
            words.set("");
            error.set(why.apply(e));
        }
    }

    /** The stall limit as typed (empty: the default), or empty with the error shown. */
    Optional<Optional<java.time.Duration>> stallLimit() {
        try {
            Optional<java.time.Duration> d = Objectives.parse(app.text().t("editor.stall"), stall.get());
            stallError.set("");
            return Optional.of(d);
        } catch (IllegalArgumentException e) {
            stallError.set(app.text().t("editor.stall.bad", stall.get().strip()));
            return Optional.empty();
        }
    }

    /** The objectives as typed, or empty (with the error shown) when one does not read as a duration. */
    Optional<Objectives> objectives() {
        String field = "editor.rpo";
        String typed = rpo.get();
        try {
            Optional<java.time.Duration> r = Objectives.parse(field, typed);
            field = "editor.rto";
            typed = rto.get();
            Objectives o = new Objectives(r, Objectives.parse(field, typed));
            objectivesError.set("");
            return Optional.of(o);
        } catch (IllegalArgumentException e) {
            // in the app's words: the model's sentence is the command line's, in English
            objectivesError.set(app.text().t("editor.notADuration", app.text().t(field), typed.strip()));
            return Optional.empty();
        }
    }

    Optional<RetentionPolicy> policy() {
        try {
            int[] n = new int[RULES.size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = Integer.parseInt(keep.get(i).get().trim());
            }
            keepError.set("");
            return Optional.of(new RetentionPolicy(n[0], n[1], n[2], n[3], n[4], n[5]));
        } catch (NumberFormatException e) {
            keepError.set(app.text().t("editor.keepNotANumber"));
        } catch (IllegalArgumentException e) {
            keepError.set(ErrorWords.say(app.text(), e));
        }
        return Optional.empty();
    }

    /** What the policy as typed would do now: one line per point, kept (with why) or removed. */
    void refreshPreview() {
        if (!loaded.get()) {
            return;
        }
        Optional<RetentionPolicy> p = policy();
        if (p.isEmpty()) {
            preview.clear();
            return;
        }
        if (p.get().keepsAll()) {
            preview.setAll(app.text().t("editor.keepsAll"));
            return;
        }
        if (isNew()) {
            preview.setAll(app.text().t("editor.noPointsYet"));
            return;
        }
        // a plan over the job's whole history: read off the FX thread; only the newest request is shown
        long mine = ++previews;
        RetentionPolicy policy = p.get();
        app.executor().submit(() -> app.services().jobs().prunePreview(job, policy, zone), plan -> {
            if (mine != previews) {
                return;
            }
            List<String> lines = new ArrayList<>();
            plan.plan().hold().ifPresent(h -> lines.add(app.text().t("editor.nothingRemoved", hold(plan.plan(), h))));
            RetentionWords words = new RetentionWords(app.text());
            for (PrunePlan.Kept k : plan.plan().keep()) {
                lines.add(app.text().t("editor.preview.keep", k.point().id(), words.reasons(k.reasons())));
            }
            plan.plan().remove().forEach(r -> lines.add(app.text().t("editor.preview.remove", r.id())));
            preview.setAll(lines);
        }, e -> preview.setAll(ErrorWords.say(app.text(), e)));
    }

    /** Why nothing is removed, in words: the plan's English {@code why} only for a hold the bundle has no words for. */
    private String hold(PrunePlan plan, String why) {
        boolean lastRunFailed = plan.keep().stream().flatMap(k -> k.reasons().stream())
                .anyMatch(r -> r.rule() == Reason.Rule.LAST_RUN_FAILED);
        return lastRunFailed ? app.text().t("editor.hold.lastRunFailed") : why;
    }

    /**
     * Saves sources, vault, schedule (only when changed: re-setting it would skip pending slots) and
     * policy, off the FX thread; {@code done} hears whether it was saved (the message says why not).
     */
    public void save(java.util.function.Consumer<Boolean> done) {
        List<String> chosen = sources.stream().filter(s -> s.chosen().get()).map(s -> s.source().name()).toList();
        Optional<RetentionPolicy> p = policy();
        Optional<Objectives> objectives = objectives();
        if (chosen.isEmpty()) {
            message.set(app.text().t("editor.noSource"));
            done.accept(false);
            return;
        }
        Optional<Optional<java.time.Duration>> stallLimit = stallLimit();
        if (p.isEmpty() || objectives.isEmpty() || stallLimit.isEmpty() || !scheduleError.get().isEmpty()
                || !drillError.get().isEmpty()) {
            message.set(app.text().t("editor.fixFields"));
            done.accept(false);
            return;
        }
        String text = schedule.get().trim();
        Optional<Schedule> parsed = text.isEmpty() ? Optional.empty() : Optional.of(Schedule.parse(text));
        boolean scheduleChanged = !text.equals(originalSchedule);
        String drillText = drill.get().trim();
        Optional<Schedule> drillParsed = drillText.isEmpty() ? Optional.empty() : Optional.of(Schedule.parse(drillText));
        boolean drillChanged = !drillText.equals(originalDrill);
        boolean stallChanged = !stall.get().strip().equals(originalStall);
        Job edited = new Job(job(), chosen, vault.get());
        boolean creating = isNew();
        app.executor().submit(() -> {
            JobService jobs = app.services().jobs();
            if (creating) {
                jobs.add(edited, parsed, p);
                jobs.setObjectives(edited.name(), objectives.get());
                if (drillParsed.isPresent()) {
                    jobs.setDrillSchedule(edited.name(), drillParsed);
                }
                if (stallLimit.get().isPresent()) {
                    jobs.setStallTimeout(edited.name(), stallLimit.get());
                }
            } else {
                jobs.update(edited);
                if (scheduleChanged) {
                    jobs.setSchedule(job, parsed);
                }
                jobs.setRetention(job, p.get());
                jobs.setObjectives(job, objectives.get());
                if (drillChanged) {
                    jobs.setDrillSchedule(job, drillParsed);
                }
                if (stallChanged) {
                    jobs.setStallTimeout(job, stallLimit.get());
                }
            }
            return true;
        }, ok -> {
            message.set(app.text().t("editor.saved"));
            done.accept(true);
        }, e -> {
            message.set(ErrorWords.say(app.text(), e));
            done.accept(false);
        });
    }
}
