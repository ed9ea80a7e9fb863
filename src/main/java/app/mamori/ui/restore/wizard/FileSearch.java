package app.mamori.ui.restore.wizard;

import app.mamori.service.FileHistory;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * Finding a file by name across every backup of a files source, as the files step of the wizard
 * offers it: each match with its versions (added, changed, deleted, with time and size), so the
 * admin picks the copy from before it was deleted or overwritten. Read off the FX thread.
 */
public final class FileSearch {
    private final AppContext app;
    private final StringProperty pattern = new SimpleStringProperty("");
    private final ObservableList<FileHistory> hits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();

    FileSearch(AppContext app) {
        this.app = app;
    }

    /** Searches {@code source}'s file lists for the pattern typed (a name, a glob such as {@code *.pdf}, or a path). */
    public void search(String source) {
        String p = pattern.get().strip();
        hits.clear();
        if (p.isEmpty()) {
            return;
        }
        searching.set(true);
        message.set(app.text().t("wizard.find.searching", p));
        app.executor().submit(() -> app.services().history().find(p, Optional.of(source)), found -> {
            searching.set(false);
            hits.setAll(found);
            message.set(found.isEmpty() ? app.text().t("wizard.find.none", p, source)
                    : app.text().t("wizard.find.found", found.size()));
        }, e -> {
            searching.set(false);
            message.set(ErrorWords.say(app.text(), e));
        });
    }

    /**
     * The point to restore {@code chosen} from: that version's own point, or for a deletion the
     * version just before it (the last backup that still had the file).
     */
    public static Optional<FileHistory.Version> restorable(FileHistory file, FileHistory.Version chosen) {
        if (chosen.change() != FileHistory.Change.DELETED) {
            return Optional.of(chosen);
        }
        List<FileHistory.Version> v = file.versions();
        int i = v.indexOf(chosen);
        return i > 0 ? Optional.of(v.get(i - 1)) : Optional.empty();
    }

    void clear() {
        pattern.set("");
        hits.clear();
        message.set("");
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public ObservableList<FileHistory> hits() {
        return hits;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }
}
