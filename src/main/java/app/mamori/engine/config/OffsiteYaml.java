package app.mamori.engine.config;

import app.mamori.catalog.JobPause;
import app.mamori.model.CopySettings;
import app.mamori.model.ObjectVault;
import app.mamori.model.RetentionPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The YAML of object vaults and of a job's offsite copy and pause, beside {@link ConfigYaml}:
 * an object vault's secret access key and passphrase are named (as a source's password is),
 * never written.
 */
final class OffsiteYaml {
    private OffsiteYaml() {
    }

    static void writeVault(ObjectNode o, ObjectVault v) {
        o.put("name", v.name());
        o.put("bucket", v.bucket());
        if (!v.prefix().isEmpty()) {
            o.put("prefix", v.prefix());
        }
        v.endpoint().ifPresent(e -> o.put("endpoint", e));
        o.put("region", v.region());
        if (v.pathStyle()) {
            o.put("pathStyle", true);
        }
        o.put("accessKeyId", v.accessKeyId());
        o.put("secretKeySecret", ObjectVault.secretKeyKey(v.name()));
        if (v.encrypted()) {
            o.put("encrypted", true);
            o.put("passphraseSecret", ObjectVault.passphraseKey(v.name()));
        }
        if (v.locked()) {
            o.put("objectLockDays", v.objectLockDays());
        }
    }

    static ObjectVault readVault(JsonNode o, String at) {
        return new ObjectVault(need(o, at, "name"), need(o, at, "bucket"), o.path("prefix").asText(""),
                Optional.ofNullable(o.get("endpoint")).map(JsonNode::asText), need(o, at, "region"),
                o.path("pathStyle").asBoolean(false), need(o, at, "accessKeyId"), o.path("encrypted").asBoolean(false),
                o.path("objectLockDays").asInt(0));
    }

    /** A job's {@code copy} (offsite vault and what is kept there) and {@code paused}, where it has them. */
    static void writeJob(ObjectNode o, ConfigFile.JobEntry e, java.util.function.BiConsumer<ObjectNode, RetentionPolicy>
            retention) {
        e.copy().ifPresent(c -> {
            ObjectNode copy = o.putObject("copy");
            copy.put("vault", c.vault());
            retention.accept(copy, c.keep());
        });
        e.pause().ifPresent(p -> {
            ObjectNode paused = o.putObject("paused");
            paused.put("since", p.since().toString());
            p.reason().ifPresent(r -> paused.put("reason", r));
        });
    }

    static Optional<CopySettings> readCopy(JsonNode job, String name, RetentionPolicy keep) {
        JsonNode c = job.get("copy");
        if (c == null || c.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new CopySettings(name, need(c, "copy", "vault"), keep));
    }

    static Optional<JobPause> readPause(JsonNode job, String name, String at) {
        JsonNode p = job.get("paused");
        if (p == null || p.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JobPause(name, Instant.parse(need(p, at + ".paused", "since")),
                    Optional.ofNullable(p.get("reason")).map(JsonNode::asText)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + ".paused.since: '" + p.path("since").asText() + "' is not a time"
                    + " such as 2026-11-24T13:00:00Z", e);
        }
    }

    private static String need(JsonNode o, String at, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException(at + "." + field + " is missing; add it, or export the file again");
        }
        return v.asText();
    }
}
