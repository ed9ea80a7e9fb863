package app.mamori.ui.restore;

import app.mamori.engine.restore.RestoreTarget;
import app.mamori.model.SourceKind;

import java.util.List;
import java.util.Locale;

/**
 * Where a restore can go, as the restore dialog offers it: only the targets the source's kind
 * has (docs/cli.md, {@code restore}), the safest first. Shared with the coming restore wizard.
 */
public enum TargetKind {
    NEW_DATABASE, NEW_PATH, TO_LOCAL, TO_VOLUME, TO_BUCKET, IN_PLACE;

    /** The targets for a source of {@code kind}, the one to preselect first; in place always last. */
    public static List<TargetKind> forSource(SourceKind kind) {
        return switch (kind) {
            case POSTGRES, MYSQL -> List.of(NEW_DATABASE, IN_PLACE);
            case SQLITE -> List.of(NEW_PATH, IN_PLACE);
            case FILES -> List.of(NEW_PATH, TO_LOCAL, IN_PLACE);
            case DOCKER_VOLUME -> List.of(TO_VOLUME, IN_PLACE);
            case S3_BUCKET -> List.of(TO_BUCKET, IN_PLACE);
        };
    }

    /** The message key of this target's name; a new path is a file for SQLite and a folder for files sources. */
    public String labelKey(SourceKind kind) {
        String base = "restore.target." + name().toLowerCase(Locale.ROOT);
        return this == NEW_PATH && kind == SourceKind.FILES ? base + ".folder" : base;
    }

    /** The message key of the hint in the field that names the target, or null when there is no field. */
    public String hintKey(SourceKind kind) {
        return this == IN_PLACE ? null : labelKey(kind) + ".hint";
    }

    /** The engine's target, {@code where} being what the admin typed (trimmed). */
    public RestoreTarget target(String where) {
        String w = where.trim();
        return switch (this) {
            case NEW_DATABASE -> new RestoreTarget.NewDatabase(w);
            case NEW_PATH -> new RestoreTarget.ToPath(w);
            case TO_LOCAL -> new RestoreTarget.ToLocal(w);
            case TO_VOLUME -> new RestoreTarget.ToVolume(w);
            case TO_BUCKET -> new RestoreTarget.ToBucket(w);
            case IN_PLACE -> new RestoreTarget.InPlace();
        };
    }

    /**
     * The message key of the field that narrows a restore to parts of the source, or null when
     * its kind has none: files take paths ({@code --include}), PostgreSQL tables ({@code --table}).
     */
    public static String narrowingKey(SourceKind kind) {
        return switch (kind) {
            case FILES -> "restore.only.paths";
            case S3_BUCKET -> "restore.only.keys";
            case POSTGRES -> "restore.only.tables";
            default -> null;
        };
    }

    /** The comma-separated list typed into the narrowing field, trimmed, empties dropped. */
    public static List<String> narrowing(String typed) {
        return java.util.Arrays.stream(typed == null ? new String[0] : typed.split(",")).map(String::trim)
                .filter(x -> !x.isEmpty()).toList();
    }
}
