package app.mamori.engine.notify;

import app.mamori.catalog.Catalog;
import app.mamori.engine.JobStatus;
import app.mamori.engine.JobStatuses;
import app.mamori.engine.objective.JobObjectives;
import app.mamori.engine.objective.ObjectiveStatuses;
import app.mamori.engine.objective.Verdict;
import app.mamori.model.Notifier;
import app.mamori.model.NotifyEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What run-due and the app's scheduler check besides running jobs: jobs that became overdue
 * (told once per lapse, however often this runs, by whichever process gets there first) and
 * the daily digest (once per local day, from {@link #DIGEST_TIME} on).
 */
public final class Watch {
    /** The digest goes out with the first check at or after this local time. */
    public static final LocalTime DIGEST_TIME = LocalTime.of(8, 0);

    private final Catalog catalog;
    private final Notifications notifications;

    public Watch(Catalog catalog, Notifications notifications) {
        this.catalog = catalog;
        this.notifications = notifications;
    }

    public List<Notifications.Delivery> check(Instant now, ZoneId zone) {
        List<JobStatus> statuses = JobStatuses.collect(catalog, now, zone);
        List<Notifications.Delivery> out = new ArrayList<>();
        for (JobStatus s : statuses) {
            if (s.overdue() && s.schedule().isPresent()) {
                String lapse = s.job() + "@" + s.lastSuccess().map(Instant::toString).orElse("never");
                if (catalog.notifiers().claimOnce("overdue", lapse)) {
                    Optional<String> server = notifications.serverOf(s.job());
                    out.addAll(notifications.deliver(t -> StatusNotices.overdue(t, s, server.orElse("?"), now, zone),
                            s.job(), server));
                }
            }
        }
        for (JobObjectives o : ObjectiveStatuses.collect(catalog, now)) {
            o.verdicts().filter(Verdict::breached).forEach(v -> {
                // one notice per breach: an RPO breach starts when the newest good point got too old
                // (a new point ends it); an RTO breach with the drill or point that showed it
                String breach = v.objective().id() + ":" + o.job() + "@" + v.since().map(Instant::toString).orElse("?");
                if (catalog.notifiers().claimOnce("objective", breach)) {
                    Optional<String> server = notifications.serverOf(o.job());
                    out.addAll(notifications.deliver(t -> StatusNotices.objectiveBreached(t, o.job(), v,
                            server.orElse("?"), now, zone), o.job(), server));
                }
            });
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!now.atZone(zone).toLocalTime().isBefore(DIGEST_TIME)
                && catalog.notifiers().list().stream().anyMatch(n -> n.on().contains(NotifyEvent.DIGEST))
                && catalog.notifiers().claimOnce("digest", today.toString())) {
            for (Notifier n : catalog.notifiers().list()) {
                if (n.on().contains(NotifyEvent.DIGEST)) {
                    List<JobStatus> mine = statuses.stream()
                            .filter(s -> n.job().map(j -> j.equals(s.job())).orElse(true)).toList();
                    out.add(notifications.deliverTo(n, StatusNotices.digest(NoticeText.of(n.language()), mine, today,
                            now, zone), n.job(), Optional.empty()));
                }
            }
        }
        return out;
    }
}
