package app.mamori.cli;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.Verification;
import app.mamori.engine.verify.VerifyPlan;
import app.mamori.engine.verify.VerifyResult;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The {@code --json} shapes of verify and of the verification fields in points (docs/cli.md): add, never rename. */
final class VerifyJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private VerifyJson() {
    }

    static ObjectNode result(VerifyPlan plan, VerifyResult r) {
        ObjectNode o = F.objectNode();
        o.put("ok", r.ok());
        o.put("cancelled", r.cancelled());
        o.put("artifacts", plan.items().size());
        ArrayNode checks = o.putArray("checks");
        r.checks().forEach(v -> checks.add(check(v)));
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(w -> warnings.add(w.english()));
        ArrayNode notes = o.putArray("notes");
        plan.items().forEach(i -> i.notes().forEach(n -> notes.add(i.pointId() + " " + i.artifact().source() + ": " + n)));
        return o;
    }

    static ObjectNode check(Verification v) {
        ObjectNode o = F.objectNode();
        o.put("point", v.point());
        o.put("source", v.source());
        o.put("time", v.time().toString());
        o.put("method", v.method().id());
        o.put("result", v.result().id());
        o.put("detail", v.detail());
        o.put("durationMs", v.took().toMillis());
        if (v.recovery().isPresent()) {
            o.put("recoveryMs", v.recovery().get().toMillis());
        } else {
            o.putNull("recoveryMs");
        }
        return o;
    }

    /**
     * A point's state: {@code failed} when an artifact's newest check failed, {@code verified} when
     * every artifact's newest check passed, else {@code unverified}; with the newest check of each artifact.
     */
    static ObjectNode pointState(int artifacts, Map<String, Verification> latest) {
        ObjectNode o = F.objectNode();
        PointCheck state = PointCheck.of(artifacts, latest);
        o.put("result", state.state().id());
        state.time().ifPresentOrElse(t -> o.put("time", t.toString()), () -> o.putNull("time"));
        ArrayNode a = o.putArray("checks");
        latest.values().forEach(v -> a.add(check(v)));
        return o;
    }
}
