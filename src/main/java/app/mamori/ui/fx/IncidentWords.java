package app.mamori.ui.fx;

import app.mamori.catalog.Incident;
import app.mamori.catalog.IncidentKind;

import java.util.Locale;

/**
 * An incident as the admin reads it: its kind in words ("ファイルの削除・変更") and, when nobody gave
 * it a title of its own, a title made of the kind and its sources in the app's language.
 */
public final class IncidentWords {
    private final I18n text;

    public IncidentWords(I18n text) {
        this.text = text;
    }

    public String kind(IncidentKind kind) {
        return text.t("incident.kind." + kind.name().toLowerCase(Locale.ROOT));
    }

    /** The kind for its stored id ({@code files-changed}); an id this build does not know is shown as stored. */
    public String kind(String id) {
        for (IncidentKind k : IncidentKind.values()) {
            if (k.id().equals(id)) {
                return kind(k);
            }
        }
        return id;
    }

    /**
     * The incident's title: the catalogue stores the English default ("files-changed on uploads",
     * catalog.Incident.Opening) when none was typed, and that one is said again in words.
     */
    public String title(Incident i) {
        String sources = String.join(", ", i.sources());
        return i.title().equals(i.what().id() + " on " + sources)
                ? text.t("incident.title", kind(i.what()), sources) : i.title();
    }
}
