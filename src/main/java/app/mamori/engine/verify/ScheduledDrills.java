package app.mamori.engine.verify;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.DrillScheduleStore;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.engine.objective.ObjectiveStatuses;
import app.mamori.model.Note;
import app.mamori.model.Noted;
import app.mamori.model.RunStatus;
import app.mamori.schedule.Due;
import app.mamori.schedule.Schedule;
import app.mamori.secret.SecretStore;
import app.mamori.ssh.SshConnector;
import app.mamori.util.CancelToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Restore drills on a schedule ({@code job set J --drill quarterly}): when a slot is due, the
 * job's newest good point is checked and drilled (every artifact restored into a scratch
 * target on its server, compared, timed and removed), and the slot is done whatever the drill
 * found. Slots missed while Mamori was off become one drill, as missed backups become one run.
 */
public final class ScheduledDrills {
    private final Catalog catalog;
    private final SshConnector ssh;
    private final SecretStore secrets;
    private final Clock clock;
    private final ZoneId zone;

    public ScheduledDrills(Catalog catalog, SshConnector ssh, SecretStore secrets, Clock clock, ZoneId zone) {
        this.catalog = catalog;
        this.ssh = ssh;
        this.secrets = secrets;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * One scheduled drill that ran (or could not).
     *
     * @param recovery the measured restore time, summed over the point's artifacts
     * @param message  one line for a person
     */
    public record Outcome(String job, Optional<String> point, boolean ok, Optional<Duration> recovery,
                          String message, Optional<VerifyResult> result) {
    }

    public List<Outcome> runDue(CancelToken cancel) {
        List<Outcome> out = new ArrayList<>();
        for (DrillScheduleStore.DrillSchedule d : catalog.drills().list()) {
            if (cancel.isCancelled()) {
                break;
            }
            if (catalog.pauses().find(d.job()).isPresent()) {
                continue; // a paused job is left alone; its drill slot stays pending until it is resumed
            }
            Instant now = clock.instant();
            Schedule schedule;
            try {
                schedule = Schedule.parse(d.expression());
            } catch (IllegalArgumentException e) {
                out.add(new Outcome(d.job(), Optional.empty(), false, Optional.empty(), "job " + d.job() + " has a"
                        + " drill schedule this Mamori cannot read (" + e.getMessage() + "); set it again with mamori"
                        + " job set " + d.job() + " --drill ...", Optional.empty()));
                continue;
            }
            if (Due.check(schedule, d.handledUntil(), Optional.empty(), now, zone).due()) {
                out.add(drill(d.job(), cancel));
                if (!cancel.isCancelled()) {
                    catalog.drills().handled(d.job(), now);
                }
            }
        }
        return out;
    }

    private Outcome drill(String job, CancelToken cancel) {
        List<RecordedPoint> points = catalog.points().list(job).stream()
                .filter(p -> p.kind() == PointKind.NORMAL && p.point().status() == RunStatus.SUCCEEDED).toList();
        Optional<RecordedPoint> newest = ObjectiveStatuses.newestGood(catalog, points);
        if (newest.isEmpty()) {
            Event e = Event.at(clock.instant(), EventLevel.ERROR, "drill-scheduled", "scheduled drill of job " + job
                    + ": no good restore point to drill; back it up first (mamori backup " + job + ")")
                    .withPhrase("drillNoPoint", job);
            catalog.events().add(e.withJob(job));
            return new Outcome(job, Optional.empty(), false, Optional.empty(), e.message(), Optional.empty());
        }
        String id = newest.get().id();
        VerifyResult result;
        try {
            VerifyPlan plan = new VerifyPlanner(catalog).plan(new VerifyPlanner.Selection.Point(id), true);
            result = new Verifier(catalog, ssh, secrets, clock).execute(plan, new VerifyListener() { }, cancel);
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            // the reason in the app's words where it has some, else as written
            Object[] said = Noted.after(e, why, job, id);
            Event event = Event.at(clock.instant(), EventLevel.ERROR, "drill-scheduled", "scheduled drill of job "
                    + job + " (point " + id + ") could not run: " + why).withPhrase("drillCouldNotRun", said);
            catalog.events().add(event.withJob(job));
            return new Outcome(job, Optional.of(id), false, Optional.empty(), event.message(), Optional.empty());
        }
        Duration recovery = result.checks().stream().filter(v -> v.method() == Verification.Method.DRILL)
                .map(v -> v.recovery().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
        boolean drilled = result.checks().stream().anyMatch(v -> v.method() == Verification.Method.DRILL);
        boolean ok = result.ok() && drilled;
        Event event = event(job, id, result, ok, drilled, recovery, clock.instant());
        catalog.events().add(event);
        return new Outcome(job, Optional.of(id), ok, drilled ? Optional.of(recovery) : Optional.empty(),
                event.message(), Optional.of(result));
    }

    /**
     * The drill's event: its English for the command line and notices, and its phrase, which
     * carries each finding (or why it could not drill) as a keyed note, so the app says all of it
     * in its language.
     */
    static Event event(String job, String id, VerifyResult result, boolean ok, boolean drilled, Duration recovery,
                       Instant at) {
        String head = "scheduled drill of job " + job + " (point " + id + "): ";
        if (ok) {
            String seconds = String.format(java.util.Locale.ROOT, "%.1f", recovery.toMillis() / 1000.0);
            return Event.at(at, EventLevel.INFO, "drill-scheduled", head + "passed, restored in " + seconds + " s")
                    .withPhrase("drillPassed", job, id, seconds).withJob(job);
        }
        if (!drilled && result.failures().isEmpty()) {
            String why = String.join("; ", result.warnings().stream().map(Note::english).toList());
            return Event.at(at, EventLevel.ERROR, "drill-scheduled", head + "could not drill: " + why)
                    .withPhrase("drillNotRun", Note.listing(result.warnings(), job, id, why)).withJob(job);
        }
        List<Note> findings = result.failures().stream().map(v -> Note.of("drillFinding", v.source() + " "
                + v.method().id() + ": " + v.detail(), v.said().after(v.source(), v.method().id()))).toList();
        if (findings.isEmpty()) {
            findings = List.of(Note.of("drillCancelled", "cancelled"));
        }
        String detail = String.join("; ", findings.stream().map(Note::english).toList());
        return Event.at(at, EventLevel.ERROR, "drill-scheduled", head + "FAILED: " + detail)
                .withPhrase("drillFailed", Note.listing(findings, job, id, detail)).withJob(job);
    }
}
