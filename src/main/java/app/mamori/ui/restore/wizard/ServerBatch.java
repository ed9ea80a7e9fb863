package app.mamori.ui.restore.wizard;

import app.mamori.engine.restore.LastKnownGood;
import app.mamori.engine.restore.PointChoice;
import app.mamori.engine.restore.RestoreCommandLine;
import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestorePlanner;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.service.PointService;
import app.mamori.ui.AppContext;
import app.mamori.ui.restore.PlanWords;
import app.mamori.ui.restore.TargetKind;
import app.mamori.ui.restore.wizard.RestoreWizardModel.SourceOption;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * "A whole server is lost": the other sources of the chosen source's server, restored in the
 * same pass. Each comes back whole, from its last good backup before the incident time, into
 * a copy beside where it lived (in place stays one source at a time, each confirmed by name).
 * Planned together for one review, then run one after another, stopping at the first failure.
 */
public final class ServerBatch {
    private final AppContext app;
    private final ObservableList<SourceOption> candidates = FXCollections.observableArrayList();
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final Deque<RestorePlan> waiting = new ArrayDeque<>();

    ServerBatch(AppContext app) {
        this.app = app;
    }

    /** Offers the sources on {@code main}'s server besides it when the whole server is lost; otherwise none. */
    void offer(SourceOption main, List<SourceOption> all, Happened happened) {
        chosen.clear();
        candidates.setAll(main == null || happened != Happened.SERVER ? List.of() : all.stream()
                .filter(s -> !s.equals(main) && s.source().server().equals(main.source().server())).toList());
    }

    /** One more plan and its command line for each chosen source; call on a worker thread. */
    record Planned(List<RestorePlan> plans, List<String> commandLines) {
    }

    /**
     * Plans the chosen sources, each whole from its last good point before {@code before} into its
     * default copy. Reads the catalogue; call on a worker thread.
     *
     * @throws IllegalArgumentException naming a source that has no backup to restore
     */
    Planned plan(List<String> names, List<SourceOption> all, Optional<Instant> before, ZoneId zone,
                 Path localHome) {
        PointService points = app.services().points();
        List<RestorePlan> plans = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            SourceOption s = all.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            LastKnownGood.Choice c = points.lastKnownGood(name, before);
            String point = c.point().orElseThrow(() -> new IllegalArgumentException(
                    app.text().t("wizard.server.noPoint", name))).id();
            Instant time = c.point().get().point().time();
            TargetKind kind = DefaultTarget.kind(s.source(), Happened.SERVER);
            RestorePlanner.Request r = new RestorePlanner.Request(name, new PointChoice.Id(point),
                    kind.target(DefaultTarget.where(s.source(), kind, time, zone, localHome)), true, List.of(),
                    List.of());
            RestorePlan p = points.planRestore(r);
            plans.add(p);
            lines.add(RestoreCommandLine.of(r, p.pointId()));
        }
        return new Planned(plans, lines);
    }

    /** Queues the planned restores to run after the first; results start empty. */
    void queue(List<RestorePlan> plans) {
        waiting.clear();
        waiting.addAll(plans);
        results.clear();
    }

    /**
     * One restore of the pass ended: records it, and gives the next to run while they succeed.
     * After a failure the rest are listed as not started: a server half restored is what the
     * admin must look at before going on.
     */
    Optional<RestorePlan> ended(RestoreResult r) {
        boolean batch = !waiting.isEmpty() || !results.isEmpty();
        if (!batch) {
            return Optional.empty();
        }
        results.add(r.ok() ? app.text().t("wizard.server.restored", r.plan().source().name(),
                PlanWords.target(app.text(), r.plan())) : app.text().t("wizard.server.failed", r.plan().source().name(),
                r.error() == null ? "" : r.error()));
        if (r.ok()) {
            return Optional.ofNullable(waiting.poll());
        }
        waiting.forEach(p -> results.add(app.text().t("wizard.server.notStarted", p.source().name())));
        waiting.clear();
        return Optional.empty();
    }

    public ObservableList<SourceOption> candidates() {
        return candidates;
    }

    /** The names ticked to restore in the same pass. */
    public ObservableList<String> chosen() {
        return chosen;
    }

    /** One line per restore of the pass, as each ends. */
    public ObservableList<String> results() {
        return results;
    }
}
