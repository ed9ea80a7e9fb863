package app.mamori.cli;

import app.mamori.engine.JobStatus;
import app.mamori.engine.JobStatuses;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** {@code mamori status [--json]}: for a person, and for an external monitor through the exit status. */
@Command(name = "status", description = {"Every job: last success, its age, schedule, next due time, overdue.",
        "Exit status 1 when any job is overdue (its last success is older than 1.5 times its schedule's",
        "interval), so a monitor can run it."})
final class StatusCommand extends Base {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");

    @Option(names = "--json", description = "print the jobs as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        List<JobStatus> jobs = JobStatuses.collect(ctx().catalog(), now, zone);
        if (json) {
            out().println(JsonOut.write(json(jobs, now)));
        } else {
            for (JobStatus s : jobs) {
                out().println(s.job() + "\t" + s.schedule().map(x -> x + " (" + s.description().orElse("?") + ")")
                        .orElse("no schedule") + "\tlast success " + s.lastSuccess().map(t -> local(t, zone)
                        + " (" + human(Duration.between(t, now)) + " ago)").orElse("never")
                        + s.nextDue().map(t -> "\tnext " + local(t, zone)).orElse("")
                        + "\t" + state(s));
            }
        }
        List<String> overdue = jobs.stream().filter(JobStatus::overdue).map(JobStatus::job).toList();
        if (!overdue.isEmpty()) {
            err().println("mamori: " + overdue.size() + " job(s) overdue: " + String.join(", ", overdue)
                    + "; check `mamori status` and the logs, and run `mamori backup JOB`");
            return 1;
        }
        return 0;
    }

    private static String state(JobStatus s) {
        if (s.problem().isPresent()) {
            return "SCHEDULE UNREADABLE: " + s.problem().get();
        }
        if (s.overdue()) {
            return "OVERDUE";
        }
        return s.lastRun().map(r -> "last run " + r.id()).orElse("never run");
    }

    static ArrayNode json(List<JobStatus> jobs, Instant now) {
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
        }
        return a;
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
