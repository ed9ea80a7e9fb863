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

    public static Notice overdue(JobStatus s, String server, Instant now, ZoneId zone) {
        String last = s.lastSuccess().map(t -> "the last successful backup was " + ago(Duration.between(t, now))
                + " ago (" + local(t, zone) + ")").orElse("it has never backed up successfully");
        String text = "Job " + s.job() + " on server " + server + " is overdue: " + last + ".\n"
                + "Its schedule (" + s.description().orElse(s.schedule().orElse("?")) + ") expects a success at least"
                + " every " + ago(s.overdueAfter().orElse(Duration.ZERO)) + "."
                + s.lastRun().filter(r -> r != RunStatus.SUCCEEDED).map(r -> " Its last run " + r.id() + ".")
                .orElse("") + "\n\n"
                + "What to try:\n"
                + "- back it up now: mamori backup " + s.job() + "\n"
                + "- check that scheduled runs happen while the workstation is off: mamori schedule show\n"
                + "- see every job's state: mamori status";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("server", server);
        f.put("job", s.job());
        f.put("lastSuccess", s.lastSuccess().map(Instant::toString).orElse(null));
        f.put("schedule", s.schedule().orElse(null));
        f.put("lastRun", s.lastRun().map(RunStatus::id).orElse(null));
        f.put("hint", "mamori backup " + s.job());
        return new Notice(NotifyEvent.OVERDUE, "Job " + s.job() + " on server " + server + " is overdue", text, f,
                now, false);
    }

    /**
     * A breached recovery objective, told as an overdue job is (to notifiers of overdue jobs): the
     * RPO when the newest good point is too old, the RTO when the drills say a restore takes too long.
     */
    public static Notice objectiveBreached(String job, Verdict v, String server, Instant now, ZoneId zone) {
        if (v.objective() == Verdict.Objective.OFFSITE_RPO) {
            return offsiteBehind(job, v, server, now, zone);
        }
        String name = v.objective() == Verdict.Objective.RPO ? "recovery point objective (RPO)"
                : "recovery time objective (RTO)";
        String by = ago(v.margin().orElse(Duration.ZERO).negated());
        String what = v.objective() == Verdict.Objective.RPO
                ? "its newest good restore point is " + v.measured().map(StatusNotices::ago).orElse("missing")
                + " old; at most " + ago(v.target()) + " of data may be lost"
                : "a restore of its sources would take about " + v.measured().map(StatusNotices::ago).orElse("?")
                + ", more than the " + ago(v.target()) + " allowed";
        String text = "Job " + job + " on server " + server + " breaches its " + name + " by " + by + ": " + what
                + ".\n" + v.detail() + ".\nBreached since " + v.since().map(t -> local(t, zone)).orElse("?") + ".\n\n"
                + "What to try:\n"
                + (v.objective() == Verdict.Objective.RPO
                ? "- back it up now: mamori backup " + job + "\n- check its schedule: mamori job list\n"
                : "- drill its newest point again: mamori verify --job " + job + " --drill\n"
                + "- make restores faster (split the job, faster disks or network), or agree a longer RTO:"
                + " mamori job set " + job + " --rto ...\n")
                + "- see every job's state: mamori status";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("server", server);
        f.put("job", job);
        f.put("objective", v.objective().id());
        f.put("targetSeconds", v.target().toSeconds());
        f.put("measuredSeconds", v.measured().map(Duration::toSeconds).orElse(null));
        f.put("since", v.since().map(Instant::toString).orElse(null));
        f.put("hint", v.objective() == Verdict.Objective.RPO ? "mamori backup " + job
                : "mamori verify --job " + job + " --drill");
        return new Notice(NotifyEvent.OVERDUE, "Job " + job + " on server " + server + " breaches its "
                + v.objective().name() + " by " + by, text, f, now, false);
    }

    /**
     * The offsite copy has fallen behind the RPO: if the office burned now, more data would be
     * lost than allowed, though the local points may be fine.
     */
    static Notice offsiteBehind(String job, Verdict v, String server, Instant now, ZoneId zone) {
        String by = ago(v.margin().orElse(Duration.ZERO).negated());
        String text = "The offsite copy of job " + job + " on server " + server + " breaches its recovery point"
                + " objective (RPO) by " + by + ": the newest point copied offsite is "
                + v.measured().map(StatusNotices::ago).orElse("missing") + " old; at most " + ago(v.target())
                + " of data may be lost if the office and its vault are lost.\n" + v.detail() + ".\nBehind since "
                + v.since().map(t -> local(t, zone)).orElse("?") + ".\n\n"
                + "What to try:\n"
                + "- copy what is missing now: mamori copy " + job + "\n"
                + "- see why copies failed: mamori points " + job + " shows each failed copy and why\n"
                + "- see every job's state: mamori status";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("server", server);
        f.put("job", job);
        f.put("objective", v.objective().id());
        f.put("targetSeconds", v.target().toSeconds());
        f.put("measuredSeconds", v.measured().map(Duration::toSeconds).orElse(null));
        f.put("since", v.since().map(Instant::toString).orElse(null));
        f.put("hint", "mamori copy " + job);
        return new Notice(NotifyEvent.OVERDUE, "The offsite copy of job " + job + " on server " + server
                + " breaches its RPO by " + by, text, f, now, false);
    }

    /** The result of a scheduled restore drill: a success for those told of successes, a failure for the rest. */
    public static Notice drill(ScheduledDrills.Outcome o, String server, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("server", server);
        f.put("job", o.job());
        f.put("point", o.point().orElse(null));
        f.put("drill", o.ok() ? "passed" : "failed");
        f.put("recoverySeconds", o.recovery().map(d -> d.toMillis() / 1000.0).orElse(null));
        f.put("hint", o.point().map(p -> "mamori verify " + p + " --drill").orElse("mamori backup " + o.job()));
        String text = o.message() + (o.ok() ? "" : "\n\nWhat to try:\n- see what the drill found: mamori points "
                + o.job() + "\n- drill it again: " + f.get("hint") + "\n- restore from an older point if this one"
                + " is damaged: mamori restore --source SOURCE --point ID ...");
        return new Notice(o.ok() ? NotifyEvent.SUCCESS : NotifyEvent.FAILURE, "Restore drill of job " + o.job()
                + " on server " + server + (o.ok() ? " passed" : " FAILED"), text, f, now, false);
    }

    /** One line per job, the problems first. */
    public static Notice digest(List<JobStatus> jobs, LocalDate day, Instant now, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        long overdue = jobs.stream().filter(JobStatus::overdue).count();
        long failed = jobs.stream().filter(StatusNotices::lastFailed).count();
        List<Map<String, Object>> data = new ArrayList<>();
        jobs.stream().sorted((a, b) -> Integer.compare(rank(b), rank(a))).forEach(s -> {
            String state = s.overdue() ? "OVERDUE" : lastFailed(s) ? "FAILED" : "ok";
            lines.add(state + "  " + s.job() + ": last success " + s.lastSuccess().map(t -> local(t, zone) + " ("
                    + ago(Duration.between(t, now)) + " ago)").orElse("never")
                    + s.nextDue().map(t -> ", next " + local(t, zone)).orElse(", not scheduled"));
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("job", s.job());
            j.put("state", state.toLowerCase(Locale.ROOT));
            j.put("lastSuccess", s.lastSuccess().map(Instant::toString).orElse(null));
            j.put("nextDue", s.nextDue().map(Instant::toString).orElse(null));
            data.add(j);
        });
        String title = "Mamori digest for " + day + ": " + jobs.size() + (jobs.size() == 1 ? " job" : " jobs")
                + (overdue + failed == 0 ? ", all fine" : ", " + overdue + " overdue, " + failed + " failed");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("day", day.toString());
        f.put("jobs", data);
        return new Notice(NotifyEvent.DIGEST, title, lines.isEmpty() ? "No jobs yet." : String.join("\n", lines), f,
                now, false);
    }

    private static boolean lastFailed(JobStatus s) {
        return s.lastRun().filter(r -> r != RunStatus.SUCCEEDED).isPresent();
    }

    private static int rank(JobStatus s) {
        return s.overdue() ? 2 : lastFailed(s) ? 1 : 0;
    }

    static String ago(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = d.toHours();
        if (hours < 48) {
            return hours + " hours";
        }
        return d.toDays() + " days";
    }

    private static String local(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }
}
