package app.mamori.ui.fx;

import app.mamori.model.SourceKind;

/**
 * A source kind as the admin reads it ("PostgreSQL", "フォルダー"), not its CLI id ("postgres",
 * "files"): every page, the timeline and the restore wizard name kinds through here.
 */
public final class SourceKinds {
    private SourceKinds() {
    }

    public static String name(I18n text, SourceKind kind) {
        return text.t("kind." + kind.id());
    }

    /**
     * The name for a kind id as the catalogue stores it; an id this build does not know (a newer
     * catalogue) is shown as stored rather than as a missing key.
     */
    public static String name(I18n text, String id) {
        return id != null && text.has("kind." + id) ? text.t("kind." + id) : String.valueOf(id);
    }
}
