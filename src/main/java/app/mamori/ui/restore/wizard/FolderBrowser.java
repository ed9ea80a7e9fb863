package app.mamori.ui.restore.wizard;

import app.mamori.service.FolderEntry;
import app.mamori.source.files.RawPath;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The folder browser of the wizard's files step: one folder of the chosen point's snapshot at
 * a time, read from the catalogue's file index off the FX thread, and the files and folders
 * ticked in it handed to the restore's include list (the same list a search feeds, which the
 * wizard checks against the point before any plan).
 */
public final class FolderBrowser {
    private final AppContext app;
    private final BooleanProperty whole;
    private final StringProperty parts;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long generation;

    FolderBrowser(AppContext app, BooleanProperty whole, StringProperty parts) {
        this.app = app;
        this.whole = whole;
        this.parts = parts;
    }

    /**
     * Reads one folder of {@code source} in {@code pointId} ({@code folder} empty: the folders the
     * source backs up) and hands it to {@code shown} on the FX thread, unless {@link #forget()}
     * ran since: a point chosen meanwhile makes older answers stale.
     */
    public void open(String pointId, String source, Optional<RawPath> folder, Consumer<List<FolderEntry>> shown) {
        long mine = generation;
        app.executor().submit(() -> app.services().history().folder(pointId, source, folder), entries -> {
            if (mine == generation) {
                message.set("");
                shown.accept(entries);
            }
        }, e -> {
            if (mine == generation) {
                message.set(app.text().t("wizard.browse.unreadable", ErrorWords.say(app.text(), e)));
            }
        });
    }

    /** Says why the tree is empty: a point recorded before Mamori kept file lists in the catalogue. */
    void noFileList(String pointId) {
        message.set(app.text().t("wizard.browse.noList", pointId));
    }

    /** Drops the answers still on their way: the tree they were for is gone. */
    public void forget() {
        generation++;
        message.set("");
    }

    /**
     * What is ticked becomes what to restore: a ticked folder stands for everything under it, so
     * only the highest ticked paths are given. Nothing ticked leaves the include list empty.
     */
    public void picked(List<String> paths) {
        if (!paths.isEmpty()) {
            whole.set(false);
        }
        parts.set(String.join(", ", paths));
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
