package app.mamori.ui.restore.wizard;

import app.mamori.model.Source;
import app.mamori.ui.restore.TargetKind;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Where a restore goes unless the admin says otherwise: always a copy beside the live data,
 * named for the point's time so that two copies never collide and the name says what it holds.
 * In place is never a default. Pure.
 */
final class DefaultTarget {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd_HHmm");

    private DefaultTarget() {
    }

    static TargetKind kind(Source source, Happened happened) {
        TargetKind first = TargetKind.forSource(source.kind()).get(0);
        if (happened == Happened.OLD_COPY && source instanceof Source.Files) {
            return TargetKind.TO_LOCAL;
        }
        return first;
    }

    /** What the "where" field starts with for {@code kind}; empty for in place. */
    static String where(Source source, TargetKind kind, Instant pointTime, ZoneId zone, Path localHome) {
        String stamp = STAMP.format(pointTime.atZone(zone));
        return switch (kind) {
            case NEW_DATABASE -> clip(((Source.Database) source).database() + "_" + stamp, 63);
            case NEW_PATH -> source instanceof Source.Sqlite s ? beside(s.path(), stamp, true)
                    : beside(((Source.Files) source).paths().get(0), stamp, false);
            case TO_LOCAL -> localHome.resolve("Mamori restores").resolve(source.name() + "-" + stamp).toString();
            case TO_VOLUME -> clip(((Source.DockerVolume) source).volume() + "_" + stamp, 127);
            // the admin creates it first; its name cannot carry the stamp's '_' (bucket names)
            case TO_BUCKET -> clip(((Source.Bucket) source).bucket(), 54) + "-restored";
            case IN_PLACE -> "";
        };
    }

    /** {@code /srv/app/tool.db} → {@code /srv/app/tool-restored-STAMP.db}; a folder gets the suffix. */
    private static String beside(String path, String stamp, boolean keepExtension) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        String name = p.substring(slash + 1);
        int dot = keepExtension ? name.lastIndexOf('.') : -1;
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return p.substring(0, slash + 1) + base + "-restored-" + stamp + ext;
    }

    private static String clip(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max);
    }
}
