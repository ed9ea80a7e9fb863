package app.mamori.engine.notify;

import app.mamori.engine.JobStatus;
import app.mamori.engine.objective.Verdict;
import app.mamori.engine.verify.ScheduledDrills;
import app.mamori.model.NotifyEvent;
import app.mamori.model.RunStatus;
import app.mamori.notify.Notice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Notices about the state of jobs rather than one run: overdue, and the daily digest. Pure. */
public final class StatusNotices {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private StatusNotices() {
    }

    public static Notice overdue(NoticeText t, JobStatus s, String server, Instant now, ZoneId zone) {
        String last = s.lastSuccess().map(l -> t.t("overdue.last", ago(t, Duration.between(l, now)), local(l, zone)))
                .orElse(t.t("overdue.never"));
        String schedule = s.description().orElse(s.schedule().orElse("?"));
        String every = ago(t, s.overdueAfter().orElse(Duration.ZERO));
        String text = t.t("overdue.head", s.job(), server, last) + "\n"
                + s.lastRun().filter(r -> r != RunStatus.SUCCEEDED)
                .map(r -> t.t("overdue.schedule.lastRun", schedule, every, t.t("status." + r.id())))
                .orElse(t.t("overdue.schedule", schedule, every)) + "\n\n"
                + tryThis(t, t.t("try.backup", s.job()), t.t("overdue.try.schedule"), t.t("try.status"));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("server", server);
        f.put("job", s.job());
        f.put("lastSuccess", s.lastSuccess().map(Instant::toString).orElse(null));
        f.put("schedule", s.schedule().orElse(null));
        f.put("lastRun", s.lastRun().map(RunStatus::id).orElse(null));
        f.put("hint", "mamori backup " + s.job());
        return t.notice(NotifyEvent.OVERDUE, t.t("overdue.title", s.job(), server), text, f, now, false);
    }

    /**
     * A breached recovery objective, told as an overdue job is (to notifiers of overdue jobs): the
     * RPO when the newest good point is too old, the RTO when the drills say a restore takes too long.
     */
    public static Notice objectiveBreached(NoticeText t, String job, Verdict v, String server, Instant now,
                                           ZoneId zone) {
        if (v.objective() == Verdict.Objective.OFFSITE_RPO) {
            return offsiteBehind(t, job, v, server, now, zone);
        }
        boolean rpo = v.objective() == Verdict.Objective.RPO;
        String by = ago(t, v.margin().orElse(Duration.ZERO).negated());
        String target = ago(t, v.target());
        String what = v.measured().map(m -> t.t(rpo ? "objective.rpo.what" : "objective.rto.what", ago(t, m), target))
                .orElse(t.t(rpo ? "objective.rpo.what.missing" : "objective.rto.what.unknown", target));
        String text = t.t("objective.head", job, server, t.t(rpo ? "objective.rpo" : "objective.rto"), by, what)
                + "\n" + v.detail() + ".\n" + t.t("objective.since", since(t, v, zone)) + "\n\n"
                + (rpo ? tryThis(t, t.t("try.backup", job), t.t("objective.rpo.try.schedule"), t.t("try.status"))
                : tryThis(t, t.t("objective.rto.try.drill", job), t.t("objective.rto.try.faster", job),
                t.t("try.status")));
        Map<String, Object> f = objectiveFields(job, v, server);
        f.put("hint", rpo ? "mamori backup " + job : "mamori verify --job " + job + " --drill");
        return t.notice(NotifyEvent.OVERDUE, t.t("objective.title", job, server, v.objective().name(), by), text, f,
                now, false);
    }

    /**
     * The offsite copy has fallen behind the RPO: if the office burned now, more data would be
     * lost than allowed, though the local points may be fine.
     */
    static Notice offsiteBehind(NoticeText t, String job, Verdict v, String server, Instant now, ZoneId zone) {
        String by = ago(t, v.margin().orElse(Duration.ZERO).negated());
        String target = ago(t, v.target());
        String head = v.measured().map(m -> t.t("offsite.head", job, server, by, ago(t, m), target))
                .orElse(t.t("offsite.head.missing", job, server, by, target));
        String text = head + "\n" + v.detail() + ".\n" + t.t("offsite.since", since(t, v, zone)) + "\n\n"
                + tryThis(t, t.t("offsite.try.copy", job), t.t("offsite.try.why", job), t.t("try.status"));
        Map<String, Object> f = objectiveFields(job, v, server);
        f.put("hint", "mamori copy " + job);
        return t.notice(NotifyEvent.OVERDUE, t.t("offsite.title", job, server, by), text, f, now, false);
    }

    /** The result of a scheduled restore drill: a success for those told of successes, a failure for the rest. */
    public static Notice drill(NoticeText t, ScheduledDrills.Outcome o, String server, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("server", server);
        f.put("job", o.job());
        f.put("point", o.point().orElse(null));
        f.put("drill", o.ok() ? "passed" : "failed");
        f.put("recoverySeconds", o.recovery().map(d -> d.toMillis() / 1000.0).orElse(null));
        f.put("hint", o.point().map(p -> "mamori verify " + p + " --drill").orElse("mamori backup " + o.job()));
        String text = o.message() + (o.ok() ? "" : "\n\n" + tryThis(t, t.t("drill.try.found", o.job()),
                t.t("drill.try.again", f.get("hint")), t.t("drill.try.older")));
        return t.notice(o.ok() ? NotifyEvent.SUCCESS : NotifyEvent.FAILURE,
                t.t(o.ok() ? "drill.passed.title" : "drill.failed.title", o.job(), server), text, f, now, false);
    }

    /** One line per job, the problems first. */
    public static Notice digest(NoticeText t, List<JobStatus> jobs, LocalDate day, Instant now, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        long overdue = jobs.stream().filter(JobStatus::overdue).count();
        long failed = jobs.stream().filter(StatusNotices::lastFailed).count();
        List<Map<String, Object>> data = new ArrayList<>();
        jobs.stream().sorted((a, b) -> Integer.compare(rank(b), rank(a))).forEach(s -> {
            String state = s.overdue() ? "overdue" : lastFailed(s) ? "failed" : "ok";
            String last = s.lastSuccess().map(l -> t.t("digest.last", local(l, zone), ago(t, Duration.between(l, now))))
                    .orElse(t.t("digest.never"));
            String said = t.t("digest.state." + state);
            lines.add(s.nextDue().map(n -> t.t("digest.line.next", said, s.job(), last, local(n, zone)))
                    .orElse(t.t("digest.line.unscheduled", said, s.job(), last)));
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("job", s.job());
            j.put("state", state);
            j.put("lastSuccess", s.lastSuccess().map(Instant::toString).orElse(null));
            j.put("nextDue", s.nextDue().map(Instant::toString).orElse(null));
            data.add(j);
        });
        String count = t.t(jobs.size() == 1 ? "digest.jobs.one" : "digest.jobs.many", jobs.size());
        String title = overdue + failed == 0 ? t.t("digest.title.fine", day, count)
                : t.t("digest.title.problems", day, count, overdue, failed);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("day", day.toString());
        f.put("jobs", data);
        return t.notice(NotifyEvent.DIGEST, title, lines.isEmpty() ? t.t("digest.none") : String.join("\n", lines),
                f, now, false);
    }

    private static Map<String, Object> objectiveFields(String job, Verdict v, String server) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("server", server);
        f.put("job", job);
        f.put("objective", v.objective().id());
        f.put("targetSeconds", v.target().toSeconds());
        f.put("measuredSeconds", v.measured().map(Duration::toSeconds).orElse(null));
        f.put("since", v.since().map(Instant::toString).orElse(null));
        return f;
    }

    /** "What to try:" and one line per thing to try. */
    private static String tryThis(NoticeText t, String... lines) {
        return t.t("tryThis") + "\n" + String.join("\n", lines);
    }

    private static String since(NoticeText t, Verdict v, ZoneId zone) {
        return v.since().map(s -> local(s, zone)).orElse(t.t("unknown"));
    }

    private static boolean lastFailed(JobStatus s) {
        return s.lastRun().filter(r -> r != RunStatus.SUCCEEDED).isPresent();
    }

    private static int rank(JobStatus s) {
        return s.overdue() ? 2 : lastFailed(s) ? 1 : 0;
    }

    static String ago(NoticeText t, Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return t.t(minutes == 1 ? "ago.minute" : "ago.minutes", minutes);
        }
        long hours = d.toHours();
        if (hours < 48) {
            return t.t("ago.hours", hours);
        }
        return t.t("ago.days", d.toDays());
    }

    private static String local(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }
}
