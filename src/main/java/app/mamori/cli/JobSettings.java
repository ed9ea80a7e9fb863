package app.mamori.cli;

import app.mamori.model.Objectives;
import app.mamori.model.RetentionPolicy;
import app.mamori.schedule.Schedule;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The schedule and retention options {@code job add} and {@code job set} share. */
final class JobSettings {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z");

    @Option(names = "--schedule", paramLabel = "WHEN", description = {"hourly, 'daily HH:MM', 'weekly DAY HH:MM',"
            + " a cron expression such as '30 2 * * *', or none; in this workstation's time zone"})
    String schedule;
    @Option(names = "--keep-last", paramLabel = "N", description = "keep the N newest points")
    Integer last;
    @Option(names = "--keep-hourly", paramLabel = "N", description = "keep the newest point of each of the N newest hours")
    Integer hourly;
    @Option(names = "--keep-daily", paramLabel = "N", description = "... of the N newest days")
    Integer daily;
    @Option(names = "--keep-weekly", paramLabel = "N", description = "... of the N newest ISO weeks (from Monday)")
    Integer weekly;
    @Option(names = "--keep-monthly", paramLabel = "N", description = "... of the N newest months")
    Integer monthly;
    @Option(names = "--keep-yearly", paramLabel = "N", description = "... of the N newest years (0 turns a rule off;"
            + " see docs/retention.md)")
    Integer yearly;

    @Option(names = "--rpo", paramLabel = "AGE", description = {"recovery point objective: the newest good point"
            + " may be at most this old (30m, 24h, 7d); none removes it"})
    String rpo;
    @Option(names = "--rto", paramLabel = "TIME", description = {"recovery time objective: restoring every source"
            + " of the job, as the newest drills measured it, may take at most this long (4h); none removes it"})
    String rto;

    @Option(names = "--drill", paramLabel = "WHEN", description = {"drill the newest good point on this schedule"
            + " (quarterly, monthly, 'weekly sun 04:00', a cron expression), run by run-due; none stops it"})
    String drill;

    @Option(names = "--stall-timeout", paramLabel = "TIME", description = {"stop a dump that sends nothing for this"
            + " long (default 30m; e.g. 2h for a database whose dump waits on long locks); default goes back to it"})
    String stall;

    /** The stall limit to set: empty for the default, null when not given. */
    java.util.Optional<java.time.Duration> parsedStall() {
        if (stall == null || stall.equalsIgnoreCase("default")) {
            return java.util.Optional.empty();
        }
        java.util.Optional<java.time.Duration> d = Objectives.parse("--stall-timeout", stall);
        if (d.isEmpty()) {
            throw new IllegalArgumentException("--stall-timeout: give a time such as 30m or 2h, or default");
        }
        return d;
    }

    /** The schedule to set: parsed before anything is stored, so a typo changes nothing. Null: leave it; "none": clear. */
    Schedule parsedSchedule() {
        return schedule == null || schedule.equalsIgnoreCase("none") ? null : Schedule.parse(schedule);
    }

    /**
     * Refuses a wrong value before anything is stored, as a mistake on the command line (exit 2,
     * the usage follows): a negative count or a schedule that does not parse is not a failure of
     * the work, it is a typo.
     */
    void validate(picocli.CommandLine cl) {
        try {
            parsedSchedule();
            if (drill != null && !drill.equalsIgnoreCase("none")) {
                try {
                    Schedule.parse(drill);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage().replace("--schedule", "--drill"), e);
                }
            }
            if (rpo != null) {
                Objectives.parse("--rpo", rpo);
            }
            if (rto != null) {
                Objectives.parse("--rto", rto);
            }
            parsedStall();
            if (touchesRetention()) {
                over(RetentionPolicy.KEEP_ALL);
            }
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(cl, e.getMessage(), e);
        }
    }

    boolean touchesObjectives() {
        return rpo != null || rto != null || drill != null || stall != null;
    }

    boolean touchesRetention() {
        return last != null || hourly != null || daily != null || weekly != null || monthly != null || yearly != null;
    }

    RetentionPolicy over(RetentionPolicy p) {
        return new RetentionPolicy(or(last, p.last()), or(hourly, p.hourly()), or(daily, p.daily()),
                or(weekly, p.weekly()), or(monthly, p.monthly()), or(yearly, p.yearly()));
    }

    /** Stores what was given; prints what the job now does. */
    void apply(CliContext ctx, String job, PrintWriter out) {
        Schedule parsed = parsedSchedule();
        var jobs = ctx.services().jobs();
        RetentionPolicy policy = touchesRetention() ? over(jobs.retention(job)) : null;
        if (parsed != null) {
            jobs.setSchedule(job, java.util.Optional.of(parsed));
            ZonedDateTime next = parsed.next(Clock.systemUTC().instant(), ZoneId.systemDefault())
                    .atZone(ZoneId.systemDefault());
            out.println("job " + job + " runs " + parsed.describe() + " (" + parsed.text() + "); next "
                    + LOCAL.format(next));
        } else if (schedule != null) {
            jobs.setSchedule(job, java.util.Optional.empty());
            out.println("job " + job + " has no schedule: it runs when you start it");
        }
        if (policy != null) {
            jobs.setRetention(job, policy);
            out.println("job " + job + " retention: " + policy);
        }
        if (touchesObjectives()) {
            Objectives o = jobs.objectives(job);
            if (rpo != null) {
                o = o.withRpo(Objectives.parse("--rpo", rpo));
            }
            if (rto != null) {
                o = o.withRto(Objectives.parse("--rto", rto));
            }
            if (rpo != null || rto != null) {
                jobs.setObjectives(job, o);
                out.println("job " + job + " objectives: " + describe(o));
            }
        }
        if (stall != null) {
            java.util.Optional<java.time.Duration> limit = parsedStall();
            jobs.setStallTimeout(job, limit);
            out.println("job " + job + ": a dump that sends nothing for "
                    + Objectives.format(limit.orElse(app.mamori.catalog.StallStore.DEFAULT)) + " is stopped as stalled"
                    + (limit.isEmpty() ? " (the default)" : ""));
        }
        if (drill != null) {
            if (drill.equalsIgnoreCase("none")) {
                jobs.setDrillSchedule(job, java.util.Optional.empty());
                out.println("job " + job + " has no scheduled drill");
            } else {
                Schedule s = Schedule.parse(drill);
                jobs.setDrillSchedule(job, java.util.Optional.of(s));
                ZonedDateTime next = s.next(Clock.systemUTC().instant(), ZoneId.systemDefault())
                        .atZone(ZoneId.systemDefault());
                out.println("job " + job + " is drilled " + s.describe() + " (" + s.text() + "); next "
                        + LOCAL.format(next));
            }
        }
    }

    /** {@code RPO 24h, RTO 4h}, as {@code job list} and {@code job set} print them. */
    static String describe(Objectives o) {
        if (o.isEmpty()) {
            return "none";
        }
        return "RPO " + o.rpo().map(Objectives::format).orElse("none") + ", RTO "
                + o.rto().map(Objectives::format).orElse("none");
    }

    private static int or(Integer given, int current) {
        return given == null ? current : given;
    }
}
