package app.mamori.ui.servers;

import app.mamori.source.discover.Finding;
import app.mamori.model.Source;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.NoteWords;
import app.mamori.ui.fx.SourceKinds;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A finding in the wizard's list, with the admin's tick and its name in the app's language. */
public final class FindingChoice {
    private final Finding finding;
    private final BooleanProperty chosen = new SimpleBooleanProperty();
    private final String label;

    public FindingChoice(Finding finding, boolean chosen, I18n text) {
        this.finding = finding;
        this.chosen.set(chosen);
        this.label = label(finding, text);
    }

    /**
     * Said from the suggested source, not from the engine's English {@code what} ("folder /etc"):
     * a folder's detail is its size; a container's (its image, in the engine's words) is kept as written.
     */
    private static String label(Finding f, I18n text) {
        Source s = f.suggested();
        String what;
        if (s instanceof Source.Database d) {
            what = d.container().isPresent()
                    ? text.t("finding.container", SourceKinds.name(text, d.kind()), d.container().get())
                    : text.t("finding.database", SourceKinds.name(text, d.kind()), d.database());
        } else if (s instanceof Source.Sqlite q) {
            what = text.t("finding.sqlite", q.path());
        } else if (s instanceof Source.Files fs) {
            what = text.t("finding.folder", String.join(", ", fs.paths()));
        } else if (s instanceof Source.DockerVolume v) {
            what = text.t("finding.volume", v.volume());
        } else {
            what = f.what();
        }
        return what + (f.detail().isEmpty() ? "" : " (" + NoteWords.say(text, "discover.note.", f.said()) + ")");
    }

    public Finding finding() {
        return finding;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    @Override
    public String toString() {
        return label;
    }
}
