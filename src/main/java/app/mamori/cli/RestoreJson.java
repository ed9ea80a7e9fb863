package app.mamori.cli;

import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.engine.restore.RestoreTarget;
import app.mamori.source.RestoreCommand;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code --json} shapes of {@code mamori restore}; a contract like {@link JsonOut}'s (docs/cli.md). */
final class RestoreJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RestoreJson() {
    }

    static ObjectNode plan(RestorePlan p) {
        ObjectNode o = F.objectNode();
        o.put("source", p.source().name());
        o.put("kind", p.source().kind().id());
        o.put("server", p.server().name());
        o.put("point", p.pointId());
        o.put("pointTime", p.pointTime().toString());
        ObjectNode a = o.putObject("artifact");
        a.put("path", p.artifactFile().toString());
        a.put("sha256", p.expectedSha256());
        a.put("compression", p.compression());
        ObjectNode t = o.putObject("target");
        if (p.target() instanceof RestoreTarget.NewDatabase n) {
            t.put("kind", "new-database");
            t.put("database", n.name());
        } else if (p.target() instanceof RestoreTarget.ToPath f) {
            t.put("kind", "path");
            t.put("path", f.path());
        } else if (p.target() instanceof RestoreTarget.ToVolume v) {
            t.put("kind", "volume");
            t.put("volume", v.name());
        } else if (p.target() instanceof RestoreTarget.ToBucket b) {
            t.put("kind", "bucket");
            t.put("bucket", b.bucket());
        } else if (p.target() instanceof RestoreTarget.ToLocal l) {
            t.put("kind", "local");
            t.put("path", l.dir());
        } else {
            t.put("kind", "in-place");
        }
        t.put("description", p.targetDescription());
        ArrayNode include = t.putArray("include");
        p.include().forEach(include::add);
        ArrayNode commands = o.putArray("commands");
        for (RestoreCommand c : p.commands()) {
            ObjectNode j = commands.addObject();
            j.put("purpose", c.purpose());
            j.put("command", c.command());
            j.put("secretOnStdin", c.secretOnStdin());
            j.put("artifactOnStdin", c.artifactOnStdin());
        }
        if (p.safetyBackup().isPresent()) {
            ObjectNode s = o.putObject("safetyBackup");
            s.put("job", p.safetyBackup().get());
            s.put("description", p.safetyBackupDescription());
        } else {
            o.putNull("safetyBackup");
        }
        ArrayNode warnings = o.putArray("warnings");
        p.warnings().forEach(w -> warnings.add(w.english()));
        return o;
    }

    static ObjectNode result(RestoreResult r) {
        ObjectNode o = F.objectNode();
        o.put("status", r.ok() ? "succeeded" : "failed");
        o.set("plan", plan(r.plan()));
        o.put("safetyPoint", r.safetyPoint().orElse(null));
        o.put("report", r.report().map(Object::toString).orElse(null));
        o.put("seconds", r.duration().toMillis() / 1000.0);
        o.put("error", r.error());
        o.put("targetState", r.targetState());
        return o;
    }
}
