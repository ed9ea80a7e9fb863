package app.mamori.cli;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
import app.mamori.catalog.Verification;
import app.mamori.model.PointCopy;
import app.mamori.engine.timeline.Gap;
import app.mamori.engine.timeline.TimelineWindow;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** The {@code timeline --json} shape (docs/cli.md): add fields freely, never rename or remove one. */
final class TimelineJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TimelineJson() {
    }

    /** The window's points' offsite copies, by point id, and the newest check of each source of each, by point, vault and source. */
    record Copies(Map<String, List<PointCopy>> copies, Map<String, Map<String, Map<String, Verification>>> checks) {
        static final Copies NONE = new Copies(Map.of(), Map.of());
    }

    static ObjectNode of(List<TimelineLane> lanes, TimelineWindow w, Map<String, List<String>> keptBy, Copies copies) {
        ObjectNode o = F.objectNode();
        o.put("from", w.from().toString());
        o.put("to", w.to().toString());
        o.put("gapsCut", w.gapsCut());
        ArrayNode out = o.putArray("lanes");
        for (TimelineLane lane : lanes) {
            ObjectNode l = out.addObject();
            l.put("source", lane.source());
            l.put("server", lane.server());
            l.put("job", lane.job());
            l.put("kind", lane.kind());
            ArrayNode points = l.putArray("points");
            w.points().stream().filter(lane::holds).forEach(p -> points.add(point(p, keptBy, copies)));
            ArrayNode runs = l.putArray("runs");
            w.runs().stream().filter(r -> r.job().equals(lane.job()) && r.failed()).forEach(r -> runs.add(run(r)));
            ArrayNode gaps = l.putArray("gaps");
            w.gaps().stream().filter(g -> g.job().equals(lane.job())).forEach(g -> gaps.add(gap(g)));
        }
        return o;
    }

    private static ObjectNode point(TimelinePoint p, Map<String, List<String>> keptBy, Copies copies) {
        ObjectNode o = F.objectNode();
        o.put("id", p.id());
        o.put("time", p.time().toString());
        o.put("status", p.check().id());
        ObjectNode checks = o.putObject("checks");
        checks.put("result", p.check().id());
        checks.put("time", p.checked().map(Object::toString).orElse(null));
        checks.put("detail", p.detail().map(app.mamori.model.Note::english).orElse(null));
        if (p.recovery().isPresent()) {
            checks.put("recoveryMs", p.recovery().get().toMillis());
        } else {
            checks.putNull("recoveryMs");
        }
        o.put("size", p.size());
        if (p.files().isPresent()) {
            o.put("files", p.files().getAsLong());
        } else {
            o.putNull("files");
        }
        o.put("sha256", p.sha256());
        o.put("kind", p.kind().id());
        o.put("held", p.held());
        ArrayNode kept = o.putArray("keptBy");
        keptBy.getOrDefault(p.id(), List.of()).forEach(kept::add);
        ArrayNode c = o.putArray("copies");
        for (PointCopy copy : copies.copies().getOrDefault(p.id(), List.of())) {
            c.add(copy(copy, copies.checks().getOrDefault(p.id(), Map.of()).getOrDefault(copy.vault(), Map.of())
                    .get(p.source())));
        }
        return o;
    }

    /** A copy of the point, with its newest check of this lane's source in the shape of the point's own {@code checks}. */
    private static ObjectNode copy(PointCopy copy, Verification check) {
        ObjectNode o = JsonOut.copy(copy);
        ObjectNode checks = o.putObject("checks");
        checks.put("result", (check == null ? TimelinePoint.Check.UNCHECKED : check.failed() ? TimelinePoint.Check.FAILED
                : check.method() == Verification.Method.DRILL ? TimelinePoint.Check.DRILLED
                : TimelinePoint.Check.VERIFIED).id());
        checks.put("time", check == null ? null : check.time().toString());
        checks.put("detail", check == null ? null : check.detail());
        return o;
    }

    private static ObjectNode run(TimelineRun r) {
        ObjectNode o = F.objectNode();
        o.put("id", r.id());
        o.put("time", r.started().toString());
        o.put("status", r.status().id());
        o.put("error", r.error().orElse(null));
        return o;
    }

    private static ObjectNode gap(Gap g) {
        ObjectNode o = F.objectNode();
        o.put("from", g.from().toString());
        o.put("to", g.to().toString());
        o.put("slots", g.slots());
        return o;
    }
}
