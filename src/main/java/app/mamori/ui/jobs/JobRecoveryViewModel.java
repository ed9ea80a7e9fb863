package app.mamori.ui.jobs;

import app.mamori.catalog.VerificationStore;
import app.mamori.engine.objective.JobObjectives;
import app.mamori.engine.objective.Verdict;
import app.mamori.model.Objectives;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.UiErrors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chosen job's recovery readiness on the Jobs page: its objectives, met or breached, and
 * the RTO trend, the time each of its newest drilled points took to restore, newest first.
 */
public final class JobRecoveryViewModel {
    /** How many drilled points the trend shows. */
    static final int TREND = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);

    private final AppContext app;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private long loads;

    public JobRecoveryViewModel(AppContext app, ZoneId zone) {
        this.app = app;
        this.zone = zone;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Reads the job's objectives and drills off the FX thread; only the newest request is shown. */
    public void load(String job) {
        long mine = ++loads;
        if (job == null) {
            text.set("");
            return;
        }
        app.executor().submit(() -> describe(app.services().jobs().objectiveStatus(job),
                app.services().jobs().drills(job, null)), t -> {
                    if (mine == loads) {
                        text.set(t);
                    }
                }, UiErrors.logged("loading the objectives of job " + job));
    }

    String describe(Optional<JobObjectives> objectives, List<VerificationStore.DrillRecord> drills) {
        List<String> parts = new ArrayList<>();
        objectives.ifPresent(o -> o.verdicts().forEach(v -> parts.add(verdict(v))));
        if (objectives.isEmpty()) {
            parts.add(app.text().t("jobs.objectives.none"));
        }
        // one total per drilled point: the sources of a job restore one after another
        Map<String, Duration> byPoint = new LinkedHashMap<>();
        Map<String, Instant> when = new LinkedHashMap<>();
        for (VerificationStore.DrillRecord d : drills) {
            String p = d.drill().point();
            byPoint.merge(p, d.drill().recovery().orElse(Duration.ZERO), Duration::plus);
            when.putIfAbsent(p, d.drill().time());
        }
        List<String> trend = new ArrayList<>();
        for (String p : byPoint.keySet()) {
            if (trend.size() == TREND) {
                break;
            }
            trend.add(DAY.format(when.get(p).atZone(zone)) + " " + seconds(byPoint.get(p)));
        }
        parts.add(trend.isEmpty() ? app.text().t("jobs.rtoTrend.none")
                : app.text().t("jobs.rtoTrend", String.join(", ", trend)));
        return String.join("\n", parts);
    }

    private String verdict(Verdict v) {
        String target = app.text().t("objective." + v.objective().id()) + " " + Objectives.format(v.target());
        return switch (v.state()) {
            case MET -> app.text().t("jobs.objective.met", target, human(v.margin().orElse(Duration.ZERO)));
            case BREACHED -> app.text().t("jobs.objective.breached", target,
                    human(v.margin().orElse(Duration.ZERO).negated()));
            case UNKNOWN -> app.text().t("jobs.objective.unknown", target);
        };
    }

    private static String human(Duration d) {
        return Objectives.format(Duration.ofMinutes(Math.max(1, d.toMinutes())));
    }

    private static String seconds(Duration d) {
        return d.toSeconds() < 120 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : human(d);
    }
}
