package app.mamori.cli;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Gap;
import app.mamori.engine.timeline.TimelineWindow;
import app.mamori.util.Bytes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code mamori timeline [--job J | --server S] [--from T] [--to T] [--json]}. */
@Command(name = "timeline", description = {"Show the restore points, failed runs and missed runs of a time window,",
        "one lane per source: of one job, of one server, or of every job."})
final class TimelineCommand extends Base {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    static final class Scope {
        @Option(names = "--job", paramLabel = "JOB", description = "only this job's sources")
        String job;
        @Option(names = "--server", paramLabel = "SERVER", description = "only the sources of jobs on this server")
        String server;
    }

    @ArgGroup(exclusive = true)
    Scope scope = new Scope();
    @Option(names = "--from", paramLabel = "TIME", description = {"start of the window (default: 7 days before --to):",
            "2026-11-24, '2026-11-24 14:00' (local) or ISO-8601"})
    String from;
    @Option(names = "--to", paramLabel = "TIME", description = "end of the window (default: now)")
    String to;
    @Option(names = "--json", description = "print the timeline as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        Instant end = to == null ? Instant.now() : TimeArgument.parse("--to", to, zone);
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : TimeArgument.parse("--from", from, zone);
        TimelineScope s = TimelineScope.of(scope.job, scope.server);
        var timeline = ctx().services().timeline(zone);
        List<TimelineLane> lanes = timeline.lanes(s);
        TimelineWindow window = timeline.window(s, start, end);
        // the rules that keep the points shown, worked out from the window's start, not every job's history
        Map<String, List<String>> keptBy = timeline.keptBy(s, Set.of(), start);
        if (json) {
            List<String> ids = window.points().stream().map(TimelinePoint::id).distinct().toList();
            var offsite = ctx().services().offsite();
            out().println(JsonOut.write(TimelineJson.of(lanes, window, keptBy,
                    new TimelineJson.Copies(offsite.copiesOf(ids), offsite.latestChecksOf(ids)))));
            return 0;
        }
        for (TimelineLane lane : lanes) {
            out().println(lane.server() + " / " + lane.job() + " / " + lane.source() + " (" + lane.kind() + ")");
            for (Line line : lines(lane, window, keptBy, zone)) {
                out().println("  " + line.text());
            }
        }
        if (window.gapsCut()) {
            out().println("(gaps not shown: a schedule has more than 5000 slots in this window; narrow --from/--to)");
        }
        return 0;
    }

    private record Line(Instant time, String text) {
    }

    private static List<Line> lines(TimelineLane lane, TimelineWindow w, Map<String, List<String>> keptBy,
                                    ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        for (TimelinePoint p : w.points()) {
            if (lane.holds(p)) {
                List<String> kept = keptBy.getOrDefault(p.id(), List.of());
                lines.add(new Line(p.time(), at(p.time(), zone) + "  " + p.id() + "  " + p.check().id()
                        + (p.safetyPoint() ? p.held() ? "  safety point (held)" : "  safety point (released)" : "")
                        + "  " + Bytes.human(p.size())
                        + (p.files().isPresent() ? "  " + p.files().getAsLong() + " files" : "")
                        + (kept.isEmpty() ? "" : "  kept: " + String.join(", ", kept))));
            }
        }
        for (TimelineRun r : w.runs()) {
            if (r.job().equals(lane.job()) && r.failed()) {
                lines.add(new Line(r.started(), at(r.started(), zone) + "  run " + r.id() + " " + r.status().id()
                        + r.error().map(e -> ": " + e).orElse("")));
            }
        }
        for (Gap g : w.gaps()) {
            if (g.job().equals(lane.job())) {
                lines.add(new Line(g.from(), at(g.from(), zone) + "  no run until " + at(g.to(), zone) + " ("
                        + g.slots() + " scheduled run(s) missed)"));
            }
        }
        lines.sort(java.util.Comparator.comparing(Line::time));
        return lines;
    }

    private static String at(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone));
    }
}
