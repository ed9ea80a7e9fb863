package app.mamori.cli;

import app.mamori.catalog.JobPause;
import app.mamori.engine.JobStatus;
import app.mamori.engine.JobStatuses;
import app.mamori.engine.objective.JobObjectives;
import app.mamori.engine.objective.ObjectiveStatuses;
import app.mamori.engine.objective.Verdict;
import app.mamori.model.Objectives;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code mamori status [--json]}: for a person, and for an external monitor through the exit status. */
@Command(name = "status", description = {"Every job: last success, its age, schedule, next due time, overdue,",
        "and its recovery objectives (RPO, RTO, and the RPO of its offsite copies): met or breached, by how much,",
        "since when.",
        "A paused job (job pause) shows as Paused, with since when and why, and is never overdue.",
        "A last line says where secrets are kept: the OS keyring, or secrets.json and why.",
        "Exit status 1 when any job is overdue (its last success is older than 1.5 times its schedule's",
        "interval) or breaches an objective, so a monitor can run it."})
final class StatusCommand extends Base {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");

    @Option(names = "--json", description = "print the jobs as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        List<JobStatus> jobs = JobStatuses.collect(ctx().catalog(), now, zone);
        Map<String, JobObjectives> objectives = new HashMap<>();
        ObjectiveStatuses.collect(ctx().catalog(), now).forEach(o -> objectives.put(o.job(), o));
        if (json) {
            out().println(JsonOut.write(json(jobs, objectives, now)));
        } else {
            for (JobStatus s : jobs) {
                out().println(s.job() + "\t" + s.schedule().map(x -> x + " (" + s.description().orElse("?") + ")")
                        .orElse("no schedule") + "\tlast success " + s.lastSuccess().map(t -> local(t, zone)
                        + " (" + human(Duration.between(t, now)) + " ago)").orElse("never")
                        + s.nextDue().map(t -> "\tnext " + local(t, zone)).orElse("")
                        + "\t" + state(s, zone) + objectivesText(objectives.get(s.job())));
            }
            out().println(secrets());
        }
        List<String> overdue = jobs.stream().filter(JobStatus::overdue).map(JobStatus::job).toList();
        if (!overdue.isEmpty()) {
            err().println("mamori: " + overdue.size() + " job(s) overdue: " + String.join(", ", overdue)
                    + "; check `mamori status` and the logs, and run `mamori backup JOB`");
            return 1;
        }
        List<String> breached = objectives.values().stream().filter(JobObjectives::breached).map(JobObjectives::job)
                .sorted().toList();
        if (!breached.isEmpty()) {
            err().println("mamori: " + breached.size() + " job(s) breach a recovery objective: "
                    + String.join(", ", breached) + "; see `mamori status` and docs/runbook.md");
            return 1;
        }
        return 0;
    }

    /** Where secrets are kept (the OS keyring or secrets.json, and why): the admin's one place to see it. */
    private String secrets() {
        try {
            return "secrets: " + ctx().secrets().storage().describe();
        } catch (java.io.IOException e) {
            return "secrets: cannot read " + ctx().home().secretsFile() + ": " + e.getMessage();
        }
    }

    private static String objectivesText(JobObjectives o) {
        if (o == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        o.verdicts().forEach(v -> {
            b.append("\t").append(v.objective().label()).append(' ').append(Objectives.format(v.target())).append(' ');
            b.append(switch (v.state()) {
                case MET -> "met (" + human(v.margin().orElseThrow()) + " to spare)";
                case BREACHED -> "BREACHED by " + human(v.margin().orElseThrow().negated());
                case UNKNOWN -> "unknown: " + v.detail();
            });
        });
        return b.toString();
    }

    /** "Paused (since 2026-11-24 14:00 CET, moving db1)": as job list, status and pause print it. */
    static String paused(JobPause p, ZoneId zone) {
        return "Paused (since " + local(p.since(), zone) + p.reason().map(r -> ", " + r).orElse("") + ")";
    }

    private static String state(JobStatus s, ZoneId zone) {
        if (s.paused().isPresent()) {
            return paused(s.paused().get(), zone);
        }
        if (s.problem().isPresent()) {
            return "SCHEDULE UNREADABLE: " + s.problem().get();
        }
        if (s.overdue()) {
            return "OVERDUE";
        }
        return s.lastRun().map(r -> "last run " + r.id()).orElse("never run");
    }

    static ArrayNode json(List<JobStatus> jobs, Instant now) {
        return json(jobs, Map.of(), now);
    }

    static ArrayNode json(List<JobStatus> jobs, Map<String, JobObjectives> objectives, Instant now) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (JobStatus s : jobs) {
            ObjectNode o = a.addObject();
            o.put("job", s.job());
            text(o, "schedule", s.schedule());
            text(o, "description", s.description());
            text(o, "nextDue", s.nextDue().map(Instant::toString));
            text(o, "lastSuccess", s.lastSuccess().map(Instant::toString));
            number(o, "ageSeconds", s.age(now).map(Duration::toSeconds));
            text(o, "lastRun", s.lastRun().map(r -> r.id()));
            number(o, "overdueAfterSeconds", s.overdueAfter().map(Duration::toSeconds));
            o.put("overdue", s.overdue());
            o.put("missed", s.missedTotal());
            text(o, "problem", s.problem());
            if (s.paused().isEmpty()) {
                o.putNull("paused");
            } else {
                ObjectNode p = o.putObject("paused");
                p.put("since", s.paused().get().since().toString());
                text(p, "reason", s.paused().get().reason());
            }
            JobObjectives jo = objectives.get(s.job());
            if (jo == null) {
                o.putNull("objectives");
            } else {
                ObjectNode obj = o.putObject("objectives");
                verdict(obj, "rpo", jo.rpo());
                verdict(obj, "rto", jo.rto());
                // the RPO again on the offsite copies: null when the job has no RPO or copies nothing offsite
                verdict(obj, "offsiteRpo", jo.offsiteRpo());
            }
        }
        return a;
    }

    private static void verdict(ObjectNode parent, String field, Optional<Verdict> verdict) {
        if (verdict.isEmpty()) {
            parent.putNull(field);
            return;
        }
        Verdict v = verdict.get();
        ObjectNode o = parent.putObject(field);
        o.put("target", Objectives.format(v.target()));
        o.put("targetSeconds", v.target().toSeconds());
        o.put("state", v.state().id());
        if (v.state() == Verdict.State.UNKNOWN) {
            o.putNull("met");
        } else {
            o.put("met", v.state() == Verdict.State.MET);
        }
        number(o, "measuredSeconds", v.measured().map(Duration::toSeconds));
        number(o, "marginSeconds", v.margin().map(Duration::toSeconds));
        text(o, "since", v.since().map(Instant::toString));
        o.put("detail", v.detail());
    }

    private static void text(ObjectNode o, String field, Optional<String> value) {
        if (value.isPresent()) {
            o.put(field, value.get());
        } else {
            o.putNull(field);
        }
    }

    private static void number(ObjectNode o, String field, Optional<Long> value) {
        if (value.isPresent()) {
            o.put(field, value.get());
        } else {
            o.putNull(field);
        }
    }

    private static String local(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone));
    }

    static String human(Duration d) {
        long m = d.toMinutes();
        if (m < 60) {
            return m + "m";
        }
        if (m < 48 * 60) {
            return m / 60 + "h " + m % 60 + "m";
        }
        return m / (24 * 60) + "d " + m / 60 % 24 + "h";
    }
}
