package app.mamori.engine;

import app.mamori.model.Source;

import java.util.LinkedHashMap;
import java.util.Map;

/** A source's settings as a manifest records them: everything needed to restore, nothing secret. */
public final class SourceSettings {
    private SourceSettings() {
    }

    public static Map<String, Object> of(Source source) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (source instanceof Source.Database d) {
            m.put("database", d.database());
            d.dbHost().ifPresent(v -> m.put("dbHost", v));
            d.dbPort().ifPresent(v -> m.put("dbPort", v));
            d.dbUser().ifPresent(v -> m.put("dbUser", v));
            d.container().ifPresent(v -> m.put("container", v));
            m.put("passwordStored", d.hasPassword());
        } else if (source instanceof Source.Sqlite s) {
            m.put("path", s.path());
        } else if (source instanceof Source.Files f) {
            m.put("paths", f.paths());
            m.put("excludes", f.excludes());
        } else if (source instanceof Source.DockerVolume v) {
            m.put("volume", v.volume());
        } else if (source instanceof Source.Bucket b) {
            m.put("bucket", b.bucket());
            m.put("prefix", b.prefix());
            b.endpoint().ifPresent(e -> m.put("endpoint", e));
            m.put("region", b.region());
            m.put("viaSsh", b.viaSsh());
        }
        return m;
    }
}
