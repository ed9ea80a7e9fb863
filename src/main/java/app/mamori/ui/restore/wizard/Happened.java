package app.mamori.ui.restore.wizard;

import app.mamori.catalog.IncidentKind;
import app.mamori.model.SourceKind;

import java.util.Locale;

/** What the admin says happened, the wizard's first question: it narrows the sources and sets the defaults. */
public enum Happened {
    DATABASE, FILES, SERVER, OLD_COPY;

    /** Whether a source of {@code kind} is one this incident is about. */
    public boolean fits(SourceKind kind) {
        return switch (this) {
            case DATABASE -> kind == SourceKind.POSTGRES || kind == SourceKind.MYSQL || kind == SourceKind.SQLITE;
            case FILES -> kind == SourceKind.FILES || kind == SourceKind.DOCKER_VOLUME || kind == SourceKind.S3_BUCKET;
            case SERVER, OLD_COPY -> true;
        };
    }

    /** The incident this opens in the catalogue. */
    public IncidentKind incidentKind() {
        return switch (this) {
            case DATABASE -> IncidentKind.DATABASE_CHANGED;
            case FILES -> IncidentKind.FILES_CHANGED;
            case SERVER -> IncidentKind.SERVER_LOST;
            case OLD_COPY -> IncidentKind.OLD_COPY;
        };
    }

    /** The message key stem: {@code .title} and {@code .detail} follow. */
    public String key() {
        return "wizard.what." + name().toLowerCase(Locale.ROOT);
    }
}
