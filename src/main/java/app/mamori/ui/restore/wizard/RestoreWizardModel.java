package app.mamori.ui.restore.wizard;

import app.mamori.catalog.Incident;
import app.mamori.engine.restore.PointChoice;
import app.mamori.engine.restore.RestoreCommandLine;
import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestorePlanner;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.service.FileHistory;
import app.mamori.service.PointService;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.restore.RestorePlanViewModel;
import app.mamori.ui.restore.TargetKind;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The incident restore wizard's state and commands, step by step: what happened, when it went
 * wrong, which source and point (the last known good preselected, and why), what part of it,
 * where to, the reviewed plan, then the run. Holds no Node; everything slow goes through the
 * app's executor, so the FX thread never waits on the catalogue or a server.
 */
public final class RestoreWizardModel {

    public enum Step { WHAT, WHEN, POINT, PARTS, WHERE, REVIEW, RUN }

    /** A source the wizard can restore, with what the lists show of it. */
    public record SourceOption(Source source) {
        public String name() {
            return source.name();
        }

        public SourceKind kind() {
            return source.kind();
        }
    }

    private final AppContext app;
    private final I18n text;
    private final Format format;
    private final Path localHome;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.WHAT);
    private final ObjectProperty<Happened> happened = new SimpleObjectProperty<>();
    private final ObservableList<SourceOption> allSources = FXCollections.observableArrayList();
    private final FilteredList<SourceOption> sources = new FilteredList<>(allSources);
    /** The sources of the job whose failed run opened the wizard; empty otherwise. */
    private final java.util.Set<String> ofJob = new java.util.HashSet<>();
    private final ObjectProperty<SourceOption> source = new SimpleObjectProperty<>();
    private final StringProperty wentWrong = new SimpleStringProperty("");
    private final BooleanProperty dontKnow = new SimpleBooleanProperty();
    private final SourcePointList list;
    private final ObjectProperty<PointService.OfSource> point = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper pointReason = new ReadOnlyStringWrapper("");
    private final BooleanProperty whole = new SimpleBooleanProperty(true);
    private final StringProperty parts = new SimpleStringProperty("");
    private final ObjectProperty<TargetKind> targetKind = new SimpleObjectProperty<>();
    private final ObservableList<TargetKind> targetKinds = FXCollections.observableArrayList();
    private final StringProperty where = new SimpleStringProperty("");
    private final StringProperty confirmName = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<RestorePlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper planText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** Busy, or the point list reading: what the buttons wait for. */
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private final RestoreRun run;
    private final PointComparison comparison;
    private final FileSearch files;
    private final FolderBrowser folders;
    private final ServerBatch batch;
    /** The restores planned with the chosen source's, run after it: a whole server in one pass. */
    private List<RestorePlan> otherPlans = List.of();
    private final ReadOnlyObjectWrapper<Incident> incident = new ReadOnlyObjectWrapper<>();
    private Optional<Instant> incidentTime = Optional.empty();

    public RestoreWizardModel(AppContext app, Format format, Path localHome) {
        this.app = app;
        this.text = app.text();
        this.format = format;
        this.localHome = localHome;
        this.run = new RestoreRun(app, format);
        this.comparison = new PointComparison(app);
        this.files = new FileSearch(app);
        this.folders = new FolderBrowser(app, whole, parts);
        this.batch = new ServerBatch(app);
        this.list = new SourcePointList(app, this::failed);
        waiting.bind(busy.or(list.loadingProperty()));
        run.resultProperty().addListener((o, a, r) -> {
            if (r != null && r.ok()) {
                comparison.compareCopy(r.plan());
            }
            if (r != null) {
                batch.ended(r).ifPresent(next -> run.start(next, -1));
            }
        });
        batch.chosen().addListener((javafx.collections.ListChangeListener<String>) c -> invalidatePlan());
        happened.addListener((o, a, h) -> {
            narrowSources();
            if (source.get() != null && !sources.contains(source.get())) {
                source.set(null);
            }
            if (source.get() == null && !sources.isEmpty()) {
                source.set(sources.get(0));
            }
        });
        source.addListener((o, a, s) -> sourceChosen(s));
        happened.addListener((o, a, h) -> batch.offer(source.get(), allSources, h));
        point.addListener((o, a, p) -> {
            invalidatePlan();
            resetWhere();
            comparison.compare(source.get() == null ? null : source.get().name(), p);
        });
        targetKind.addListener((o, a, k) -> resetWhere());
        for (var p : List.of(whole, dontKnow)) {
            p.addListener((o, a, b) -> invalidatePlan());
        }
        for (var p : List.of(parts, where, confirmName)) {
            p.addListener((o, a, b) -> invalidatePlan());
        }
    }

    /** Reads the sources (off the FX thread); {@code preselect} names one to start with, when known. */
    public void load(Optional<String> preselect) {
        load(preselect, Optional.empty());
    }

    /**
     * Reads the sources (off the FX thread). {@code job}, when the wizard is opened from a failed
     * run, narrows them to that job's sources and chooses the first: the admin comes from that job.
     */
    public void load(Optional<String> preselect, Optional<String> job) {
        busy.set(true);
        app.executor().submit(() -> new Loaded(app.services().sources().list(),
                job.map(j -> app.services().jobs().get(j).sources()).orElse(List.of())), loaded -> {
            busy.set(false);
            allSources.setAll(loaded.sources().stream().map(SourceOption::new).toList());
            ofJob.addAll(loaded.ofJob());
            narrowSources();
            if (source.get() == null && (happened.get() != null || !ofJob.isEmpty()) && !sources.isEmpty()) {
                source.set(sources.get(0));
            }
            preselect.flatMap(n -> allSources.stream().filter(s -> s.name().equals(n)).findFirst())
                    .ifPresent(s -> {
                        happened.set(Happened.OLD_COPY);
                        source.set(s);
                    });
        }, this::failed);
    }

    private record Loaded(List<Source> sources, List<String> ofJob) {
    }

    /**
     * The sources that fit what happened, among the failed job's when the wizard came from one; a
     * job with none that fits (its files, when a database broke) narrows nothing.
     */
    private void narrowSources() {
        Happened h = happened.get();
        java.util.function.Predicate<SourceOption> fits = s -> h == null || h.fits(s.kind());
        boolean jobFits = allSources.stream().anyMatch(s -> fits.test(s) && ofJob.contains(s.name()));
        sources.setPredicate(s -> fits.test(s) && (!jobFits || ofJob.contains(s.name())));
    }

    /** Whether Next may be pressed on the current step. */
    public BooleanBinding canGoOn() {
        return Bindings.createBooleanBinding(() -> !waiting.get() && switch (step.get()) {
            case WHAT -> happened.get() != null;
            case WHEN -> dontKnow.get() || !wentWrong.get().isBlank();
            case POINT -> point.get() != null;
            case PARTS -> whole.get() || !parts.get().isBlank();
            case WHERE -> targetKind.get() != null && (targetKind.get() == TargetKind.IN_PLACE
                    ? source.get() != null && confirmName.get().strip().equals(source.get().name())
                    : !where.get().isBlank());
            case REVIEW -> plan.get() != null && !run.runningProperty().get();
            case RUN -> false;
        }, step, waiting, happened, dontKnow, wentWrong, point, whole, parts, targetKind, confirmName, where, plan,
                run.runningProperty());
    }

    /** Goes to the next step, checking what this one asked first; a problem stays on this step in {@link #errorProperty()}. */
    public void next() {
        error.set("");
        switch (step.get()) {
            case WHAT -> step.set(Step.WHEN);
            case WHEN -> {
                try {
                    incidentTime = dontKnow.get() ? Optional.empty()
                            : Optional.of(PointChoice.at(wentWrong.get(), format.zone()).time());
                } catch (IllegalArgumentException e) {
                    error.set(text.t("wizard.when.unreadable", wentWrong.get().strip()));
                    return;
                }
                step.set(Step.POINT);
                preselect();
            }
            case POINT -> {
                openIncident();
                step.set(Step.PARTS);
            }
            case PARTS -> checkParts();
            case WHERE -> planIt();
            case REVIEW -> {
                step.set(Step.RUN);
                batch.queue(otherPlans);
                run.start(plan.get(), streamed(point.get()));
            }
            case RUN -> {
            }
        }
    }

    public void back() {
        error.set("");
        if (step.get() != Step.WHAT && step.get() != Step.RUN) {
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    private void sourceChosen(SourceOption s) {
        batch.offer(s, allSources, happened.get());
        point.set(null);
        pointReason.set("");
        targetKinds.setAll(s == null ? List.of() : TargetKind.forSource(s.kind()));
        targetKind.set(s == null || happened.get() == null ? null : DefaultTarget.kind(s.source(), happened.get()));
        whole.set(true);
        parts.set("");
        files.clear();
        list.show(s == null ? null : s.name(), () -> {
            if (step.get().ordinal() >= Step.POINT.ordinal()) {
                preselect();
            }
        });
    }

    /**
     * Opens an incident for the chosen source, unless this wizard has one for it already: every
     * backup of the source is then held, so no prune (from this app, the CLI or the OS timer)
     * removes the copy being restored while the admin works.
     */
    private void openIncident() {
        List<String> names = new java.util.ArrayList<>(List.of(source.get().name()));
        names.addAll(batch.chosen());
        Incident open = incident.get();
        if (open != null && open.open() && open.sources().containsAll(names)) {
            return;
        }
        Incident.Opening opening = new Incident.Opening(happened.get().incidentKind(), names, incidentTime,
                null);
        app.executor().submit(() -> app.services().incidents().open(opening), incident::set, this::failed);
    }

    /**
     * After a restore, back to the point step for the next source (a whole server comes back one
     * source after another); the incidents opened so far stay open.
     */
    public void restoreAnother() {
        if (step.get() != Step.RUN || run.runningProperty().get()) {
            return;
        }
        error.set("");
        invalidatePlan();
        // what the last pass restored is not ticked again by itself
        batch.offer(source.get(), allSources, happened.get());
        step.set(Step.POINT);
    }

    /** Closes the wizard's incident: its holds go, and retention treats the points as before. */
    public void closeIncident() {
        Incident open = incident.get();
        if (open == null || !open.open()) {
            return;
        }
        app.executor().submit(() -> app.services().incidents().close(open.id()), incident::set, this::failed);
    }

    /**
     * Restores one file's version found by search: its point becomes the chosen point (for a
     * deletion, the last one that still had the file) and its path the part to restore.
     */
    public void chooseVersion(FileHistory file, FileHistory.Version version) {
        Optional<FileHistory.Version> from = FileSearch.restorable(file, version);
        if (from.isEmpty()) {
            error.set(text.t("wizard.find.notRestorable", file.path()));
            return;
        }
        list.bringIn(from.get().point(), p -> {
            if (p.isEmpty()) {
                error.set(text.t("wizard.find.notRestorable", file.path()));
                return;
            }
            error.set("");
            point.set(p.get());
            whole.set(false);
            parts.set(file.path());
        });
    }

    /** Chooses point {@code pointId} of the source (a click on the timeline), reading the page around it if it is not listed. */
    public void choosePoint(String pointId) {
        list.bringIn(pointId, p -> p.ifPresent(point::set));
    }

    /** Chooses the last known good point before the incident time, and says why. */
    private void preselect() {
        SourceOption s = source.get();
        if (s == null) {
            pointReason.set("");
            return;
        }
        list.lastKnownGood(incidentTime, (c, row) -> {
            if (list.totalProperty().get() == 0) {
                pointReason.set(text.t("wizard.point.none", s.name()));
                return;
            }
            point.set(row.orElse(null));
            pointReason.set(PointWords.reason(text, format, c, incidentTime));
        });
    }

    /** Paths typed by hand must be in the chosen point's index: a path in no backup is an error, never an empty restore. */
    private void checkParts() {
        if (whole.get() || source.get().kind() != SourceKind.FILES) {
            step.set(Step.WHERE);
            return;
        }
        List<String> wanted = parts();
        String id = point.get().point().id();
        String name = source.get().name();
        busy.set(true);
        app.executor().submit(() -> app.services().points().notInPoint(id, name, wanted), missing -> {
            busy.set(false);
            if (missing.isEmpty()) {
                step.set(Step.WHERE);
            } else {
                error.set(text.t("wizard.parts.missing", String.join(", ", missing), id));
            }
        }, this::failed);
    }

    /**
     * In place, PostgreSQL tables that other tables reference by foreign key cannot be dropped, so
     * such a restore would change nothing: said before any plan, with the choice that works.
     */
    private void planIt() {
        SourceOption s = source.get();
        if (targetKind.get() == TargetKind.IN_PLACE && !batch.chosen().isEmpty()) {
            error.set(text.t("wizard.server.inPlaceOne", String.join(", ", batch.chosen())));
            return;
        }
        if (s.kind() != SourceKind.POSTGRES || targetKind.get() != TargetKind.IN_PLACE || whole.get()) {
            plan(s);
            return;
        }
        List<String> chosen = parts();
        busy.set(true);
        app.executor().submit(() -> app.services().points().referencedBy(s.name()), refs -> {
            busy.set(false);
            for (String t : chosen) {
                String name = t.contains(".") ? t : "public." + t;
                java.util.Set<String> others = new java.util.TreeSet<>(refs.getOrDefault(name, java.util.Set.of()));
                chosen.forEach(c -> others.remove(c.contains(".") ? c : "public." + c));
                if (!others.isEmpty()) {
                    error.set(text.t("wizard.where.referenced", name, String.join(", ", others)));
                    return;
                }
            }
            plan(s);
        }, this::failed);
    }

    private void plan(SourceOption s) {
        TargetKind k = targetKind.get();
        List<String> only = whole.get() ? List.of() : parts();
        boolean files = s.kind().isSnapshot(); // paths or keys to --include, not tables
        RestorePlanner.Request r = new RestorePlanner.Request(s.name(), new PointChoice.Id(point.get().point().id()),
                k.target(where.get()), true, files ? only : List.of(), files ? List.of() : only);
        busy.set(true);
        List<String> others = List.copyOf(batch.chosen());
        List<SourceOption> all = List.copyOf(allSources);
        Optional<Instant> before = incidentTime;
        app.executor().submit(() -> new Planned(app.services().points().planRestore(r),
                batch.plan(others, all, before, format.zone(), localHome)), both -> {
            busy.set(false);
            RestorePlan p = both.main();
            otherPlans = both.others().plans();
            plan.set(p);
            StringBuilder described = new StringBuilder(describe(p));
            for (RestorePlan o : otherPlans) {
                described.append("\n\n").append(text.t("wizard.server.then", o.source().name())).append('\n')
                        .append(describe(o));
            }
            planText.set(described.toString());
            // one line for a runbook: each restore after the one before succeeded, as the wizard runs them
            List<String> lines = new java.util.ArrayList<>(List.of(RestoreCommandLine.of(r, p.pointId())));
            lines.addAll(both.others().commandLines());
            commandLine.set(String.join(" && ", lines));
            step.set(Step.REVIEW);
        }, this::failed);
    }

    private record Planned(RestorePlan main, ServerBatch.Planned others) {
    }

    private String describe(RestorePlan p) {
        return RestorePlanViewModel.of(p, text).describe(text.t("restore.plan.from"), text.t("restore.plan.to"),
                text.t("restore.plan.safety"), text.t("restore.plan.commands"), text.t("restore.plan.warnings"));
    }

    /** What a restore of the point streams: a compressed dump's raw size as its manifest recorded it, else its size. */
    private static long streamed(PointService.OfSource p) {
        String raw = p.point().manifest(p.artifact().source()).get("rawSize");
        try {
            return raw != null ? Long.parseLong(raw) : p.artifact().size();
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void resetWhere() {
        SourceOption s = source.get();
        PointService.OfSource p = point.get();
        TargetKind k = targetKind.get();
        confirmName.set("");
        where.set(s == null || p == null || k == null ? ""
                : DefaultTarget.where(s.source(), k, p.point().point().time(), format.zone(), localHome));
    }

    private void invalidatePlan() {
        plan.set(null);
        otherPlans = List.of();
        planText.set("");
        commandLine.set("");
    }

    private List<String> parts() {
        return TargetKind.narrowing(parts.get());
    }

    private void failed(Throwable e) {
        busy.set(false);
        error.set(ErrorWords.say(app.text(), e));
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObjectProperty<Happened> happenedProperty() {
        return happened;
    }

    public ObservableList<SourceOption> sources() {
        return sources;
    }

    public ObjectProperty<SourceOption> sourceProperty() {
        return source;
    }

    public StringProperty wentWrongProperty() {
        return wentWrong;
    }

    public BooleanProperty dontKnowProperty() {
        return dontKnow;
    }

    public ObservableList<PointService.OfSource> points() {
        return list.points();
    }

    /** The list of the chosen source's backups, read a page at a time. */
    SourcePointList pointList() {
        return list;
    }

    public ObjectProperty<PointService.OfSource> pointProperty() {
        return point;
    }

    public ReadOnlyStringProperty pointReasonProperty() {
        return pointReason.getReadOnlyProperty();
    }

    public BooleanProperty wholeProperty() {
        return whole;
    }

    public StringProperty partsProperty() {
        return parts;
    }

    public ObservableList<TargetKind> targetKinds() {
        return targetKinds;
    }

    public ObjectProperty<TargetKind> targetKindProperty() {
        return targetKind;
    }

    public StringProperty whereProperty() {
        return where;
    }

    public StringProperty confirmNameProperty() {
        return confirmName;
    }

    public ReadOnlyObjectProperty<RestorePlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planTextProperty() {
        return planText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commandLineProperty() {
        return commandLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return waiting.getReadOnlyProperty();
    }

    public PointComparison comparison() {
        return comparison;
    }

    public FileSearch files() {
        return files;
    }

    public ServerBatch batch() {
        return batch;
    }

    public FolderBrowser folders() {
        return folders;
    }

    /** The incident this wizard opened, while it is known; closed once {@link #closeIncident()} ran. */
    public ReadOnlyObjectProperty<Incident> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    public RestoreRun run() {
        return run;
    }

    public Optional<RestoreResult> result() {
        return Optional.ofNullable(run.resultProperty().get());
    }
}
