package app.mamori.catalog;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source's kind-specific settings as the small JSON object stored in {@code sources.settings}.
 * Written field by field rather than by reflection, so what lands in the file is exactly what is
 * listed here, and a secret can never slip in with a new record component.
 */
final class SourceSettings {
    private SourceSettings() {
    }

    static String toJson(Source source) {
        ObjectNode settings = Json.MAPPER.createObjectNode();
        if (source instanceof Source.Database db) {
            settings.put("database", db.database());
            db.dbHost().ifPresent(v -> settings.put("host", v));
            db.dbPort().ifPresent(v -> settings.put("port", v));
            db.dbUser().ifPresent(v -> settings.put("user", v));
            db.container().ifPresent(v -> settings.put("container", v));
            settings.put("hasPassword", db.hasPassword());
        } else if (source instanceof Source.Sqlite sqlite) {
            settings.put("path", sqlite.path());
        } else if (source instanceof Source.Files files) {
            files.paths().forEach(settings.putArray("paths")::add);
            files.excludes().forEach(settings.putArray("excludes")::add);
        } else if (source instanceof Source.DockerVolume volume) {
            settings.put("volume", volume.volume());
        } else if (source instanceof Source.Bucket b) {
            bucketFields(settings, b);
        } else {
            throw new IllegalArgumentException("no catalogue form for source kind " + source.kind());
        }
        return settings.toString();
    }

    static Source fromRow(String name, String server, String kindId, String json) {
        JsonNode settings = parse(name, json);
        SourceKind kind = SourceKind.fromId(kindId);
        return switch (kind) {
            case POSTGRES, MYSQL -> new Source.Database(name, server, kind, settings.path("database").asText(),
                    text(settings, "host"), settings.has("port") ? Optional.of(settings.get("port").asInt())
                    : Optional.empty(), text(settings, "user"), text(settings, "container"),
                    settings.path("hasPassword").asBoolean(false));
            case SQLITE -> new Source.Sqlite(name, server, settings.path("path").asText());
            case FILES -> new Source.Files(name, server, strings(settings, "paths"), strings(settings, "excludes"));
            case DOCKER_VOLUME -> new Source.DockerVolume(name, server, settings.path("volume").asText());
            case S3_BUCKET -> new Source.Bucket(name, server, settings.path("bucket").asText(),
                    settings.path("prefix").asText(""), text(settings, "endpoint"), settings.path("region").asText(),
                    settings.path("pathStyle").asBoolean(false), settings.path("accessKeyId").asText(),
                    settings.path("viaSsh").asBoolean(false));
        };
    }

    /** The access key's id only: the secret key is in the secret store. */
    static void bucketFields(ObjectNode o, Source.Bucket b) {
        o.put("bucket", b.bucket());
        o.put("prefix", b.prefix());
        b.endpoint().ifPresent(e -> o.put("endpoint", e));
        o.put("region", b.region());
        o.put("pathStyle", b.pathStyle());
        o.put("accessKeyId", b.accessKeyId());
        o.put("viaSsh", b.viaSsh());
    }

    private static JsonNode parse(String name, String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogException("source '" + name + "' has unreadable settings in the catalogue: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode settings, String field) {
        return settings.hasNonNull(field) ? Optional.of(settings.get(field).asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode settings, String field) {
        List<String> values = new ArrayList<>();
        if (settings.get(field) instanceof ArrayNode array) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
