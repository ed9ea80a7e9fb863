package app.mamori.ui.timeline;

import app.mamori.catalog.TimelineBucket;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.engine.timeline.Gap;
import app.mamori.ui.fx.CheckWords;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.EventWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.SourceKinds;
import app.mamori.util.Bytes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the timeline says about a mark, a failed run or a gap, in the bundle's words and the admin's time zone. */
public final class TimelineText {
    private final I18n text;
    private final ZoneId zone;
    private final DateTimeFormatter seconds;
    private final EventWords events;

    public TimelineText(I18n text, ZoneId zone) {
        this.text = text;
        this.zone = zone;
        this.events = new EventWords(text, new Format(text, zone));
        // the tables' form (ui.fx.Format#when), so a time read off the timeline matches the list beside it
        this.seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    }

    /** Why a window could not be read, in the app's language where the failure has a reason. */
    public String error(Throwable e) {
        return ErrorWords.say(text, e);
    }

    /** Local time to the second, as hover and selection announce it. */
    public String time(Instant t) {
        return seconds.format(t.atZone(zone));
    }

    public String lane(TimelineLane lane) {
        return text.t("timeline.lane", lane.server(), lane.source(), SourceKinds.name(text, lane.kind()), lane.job());
    }

    /** The small line under a lane's source name: server, kind in words, job. */
    public String laneHeader(TimelineLane lane) {
        return lane.server() + " \u00b7 " + SourceKinds.name(text, lane.kind()) + " \u00b7 " + lane.job();
    }

    public String status(TimelinePoint p) {
        String check = switch (p.check()) {
            case UNCHECKED -> text.t("timeline.check.unchecked");
            case VERIFIED -> text.t("timeline.check.verified");
            case DRILLED -> p.recovery().map(r -> text.t("timeline.check.drilledIn", duration(r)))
                    .orElse(text.t("timeline.check.drilled"));
            case FAILED -> text.t("timeline.check.failed");
        };
        return p.safetyPoint() ? text.t(p.held() ? "timeline.safety.held" : "timeline.safety.released", check) : check;
    }

    /** The hover text of one mark: time, size and files with the change since the point before, checks, retention. */
    public String mark(LaneData lane, int mark, Map<String, List<String>> keptBy) {
        TimelinePoint p = lane.markPoint(mark);
        List<String> lines = new ArrayList<>();
        lines.add(time(p.time()));
        int count = lane.markCount(mark);
        if (count > 1) {
            lines.add(text.t("timeline.folded", count, time(lane.markFirst(mark).time())));
        }
        TimelinePoint before = lane.beforeMark(mark);
        String size = text.t("timeline.size", Bytes.human(p.size()));
        if (before != null) {
            size += " " + text.t("timeline.change", signed(p.size() - before.size()));
        }
        lines.add(size);
        if (p.files().isPresent()) {
            long files = p.files().getAsLong();
            String f = text.t("timeline.files", files);
            if (before != null && before.files().isPresent()) {
                long delta = files - before.files().getAsLong();
                f += " " + text.t("timeline.change", (delta >= 0 ? "+" : "") + delta);
            }
            lines.add(f);
        }
        lines.add(text.t("timeline.checks", status(p)));
        p.detail().filter(d -> p.check() == TimelinePoint.Check.FAILED).map(d -> CheckWords.detail(text, d))
                .ifPresent(lines::add);
        List<String> kept = keptBy.get(p.id());
        lines.add(kept == null ? text.t("timeline.keptBy.unknown") : kept.isEmpty() ? text.t("timeline.keptBy.none")
                : text.t("timeline.keptBy", kept.stream().map(this::rule)
                .collect(java.util.stream.Collectors.joining(text.t("schedule.listSeparator")))));
        lines.add(p.id());
        return String.join("\n", lines);
    }

    /** A failed run: how it ended, in words, and why, from the event that recorded it where there is one. */
    public String run(TimelineRun r) {
        String how = text.has("result." + r.status().id()) ? text.t("result." + r.status().id()) : r.status().id();
        String why = r.ended().map(events::of).orElse(r.error().orElse(""));
        return text.t("timeline.run.failed", time(r.started()), how, why);
    }

    /** The hover text of a bucket: how many points over what time, what needs attention among them, their sizes. */
    public String bucket(TimelineBucket b) {
        List<String> lines = new ArrayList<>();
        lines.add(text.t("timeline.bucket", b.points(), time(b.first()), time(b.last())));
        if (b.failed() > 0) {
            lines.add(text.t("timeline.bucket.failed", b.failed()));
        }
        if (b.unchecked() > 0) {
            lines.add(text.t("timeline.bucket.unchecked", b.unchecked()));
        }
        if (b.held() > 0) {
            lines.add(text.t("timeline.bucket.held", b.held()));
        }
        lines.add(text.t("timeline.bucket.checked", b.verified(), b.drilled()));
        lines.add(text.t("timeline.bucket.size", Bytes.human(b.minSize()), Bytes.human(b.maxSize())));
        return String.join("\n", lines);
    }

    public String gap(Gap g) {
        return text.t("timeline.gap", time(g.from()), time(g.to()), g.slots());
    }

    /** What a screen reader says when a mark is selected. */
    public String selected(LaneData lane, int mark) {
        TimelinePoint p = lane.markPoint(mark);
        return text.t("timeline.selected", lane(lane.lane()), time(p.time()), status(p), Bytes.human(p.size()),
                lane.markCount(mark));
    }

    private static String signed(long bytes) {
        return (bytes >= 0 ? "+" : "-") + Bytes.human(Math.abs(bytes));
    }

    private String duration(Duration d) {
        return d.toMinutes() >= 1 ? text.t("timeline.minutes", d.toMinutes(), d.toSecondsPart())
                : text.t("timeline.seconds", d.toSeconds());
    }

    /** A retention rule's id as the timeline reads it ("daily", "held") in the app's language. */
    private String rule(String id) {
        for (app.mamori.retention.Reason.Rule r : app.mamori.retention.Reason.Rule.values()) {
            if (r.id().equals(id)) {
                return text.t("reason." + r.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return id.equals("held") ? text.t("reason.held") : id;
    }
}
