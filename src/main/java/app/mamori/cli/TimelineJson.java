package app.mamori.cli;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
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

    static ObjectNode of(List<TimelineLane> lanes, TimelineWindow w, Map<String, List<String>> keptBy) {
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
            w.points().stream().filter(lane::holds).forEach(p -> points.add(point(p, keptBy)));
            ArrayNode runs = l.putArray("runs");
            w.runs().stream().filter(r -> r.job().equals(lane.job()) && r.failed()).forEach(r -> runs.add(run(r)));
            ArrayNode gaps = l.putArray("gaps");
            w.gaps().stream().filter(g -> g.job().equals(lane.job())).forEach(g -> gaps.add(gap(g)));
        }
        return o;
    }

    private static ObjectNode point(TimelinePoint p, Map<String, List<String>> keptBy) {
        ObjectNode o = F.objectNode();
        o.put("id", p.id());
        o.put("time", p.time().toString());
        o.put("status", p.check().id());
        ObjectNode checks = o.putObject("checks");
        checks.put("result", p.check().id());
        checks.put("time", p.checked().map(Object::toString).orElse(null));
        checks.put("detail", p.detail().orElse(null));
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
