package app.mamori.cli;

import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.engine.RunResult;
import app.mamori.engine.SourceResult;
import app.mamori.model.Artifact;
import app.mamori.service.PointService;
import app.mamori.model.RestorePoint;
import app.mamori.model.Vault;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --json} shapes. They are a contract (docs/cli.md): add fields freely, never
 * rename or remove one. Built by hand rather than from records so a refactoring of the
 * model cannot change them by accident.
 */
final class JsonOut {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonOut() {
    }

    static ObjectNode point(RestorePoint p, Optional<Vault> vault) {
        ObjectNode o = F.objectNode();
        o.put("id", p.id());
        o.put("job", p.job());
        o.put("server", p.server());
        o.put("vault", p.vault());
        o.put("time", p.time().toString());
        o.put("status", p.status().id());
        ArrayNode arts = o.putArray("artifacts");
        for (Artifact a : p.artifacts()) {
            ObjectNode j = arts.addObject();
            j.put("source", a.source());
            j.put("kind", a.kind().id());
            Optional<Vault> local = vault.filter(v -> !v.isRemote());
            if (local.isPresent()) {
                j.put("path", Path.of(local.get().path()).resolve(p.location()).resolve(a.path()).toString());
            } else {
                j.put("path", p.location() + "/" + a.path());
            }
            j.put("size", a.size());
            j.put("sha256", a.sha256());
        }
        return o;
    }

    static ObjectNode run(RunResult r, CliContext ctx) {
        ObjectNode o = F.objectNode();
        o.put("run", r.runId());
        o.put("job", r.job());
        o.put("status", r.status().id());
        if (r.point().isPresent()) {
            RestorePoint p = r.point().get();
            o.set("point", point(p, ctx.catalog().vaults().find(p.vault())));
        } else {
            o.putNull("point");
        }
        ArrayNode sources = o.putArray("sources");
        for (SourceResult s : r.sources()) {
            ObjectNode j = sources.addObject();
            j.put("source", s.source());
            j.put("status", s.ok() ? "succeeded" : "failed");
            if (!s.ok()) {
                j.put("error", s.error());
            }
        }
        if (r.error() != null) {
            o.put("error", r.error());
        } else {
            o.putNull("error");
        }
        return o;
    }

    /** @param held why each point is held, or null when it is not */
    /**
     * One point of {@code points --json}; {@code vault} the point's vault when it still exists,
     * {@code copies} the point's offsite copies, {@code copyChecks} the newest check of each source
     * of each copy, by vault.
     */
    static ObjectNode point(PointService.Listed l, Optional<Vault> vault, List<app.mamori.model.PointCopy> copies,
                            Map<String, Map<String, Verification>> copyChecks) {
        ObjectNode o = point(l.point().point(), vault);
        o.put("kind", l.point().kind().id());
        o.put("held", l.hold().orElse(null));
        o.set("verification", VerifyJson.pointState(l.point().point().artifacts().size(), l.latestChecks()));
        ArrayNode c = o.putArray("copies");
        for (app.mamori.model.PointCopy copy : copies) {
            ObjectNode x = copy(copy);
            c.add(x);
            // the same shape as the point's own: a copy is verified when every artifact's newest check passed
            x.set("verification", VerifyJson.pointState(l.point().point().artifacts().size(),
                    copyChecks.getOrDefault(copy.vault(), Map.of())));
        }
        return o;
    }

    /** A point's copy in an object vault, as {@code points --json} and {@code timeline --json} show it. */
    static ObjectNode copy(app.mamori.model.PointCopy copy) {
        ObjectNode x = F.objectNode();
        x.put("vault", copy.vault());
        x.put("status", copy.status().id());
        x.put("time", copy.time().toString());
        copy.error().ifPresent(e -> x.put("error", e));
        copy.lockedUntil().ifPresent(u -> x.put("lockedUntil", u.toString()));
        return x;
    }

    static String write(Object node) throws JsonProcessingException {
        return app.mamori.vault.Json.mapper().writeValueAsString(node);
    }
}
