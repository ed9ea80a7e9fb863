package app.mamori.ui.servers;

import app.mamori.source.files.RemoteFolders;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Browse... for a folders source: the server's folders one level at a time, listed over SSH
 * on the worker, and the ones the admin chooses handed back as absolute paths.
 */
public final class FolderBrowserViewModel {
    private final AppContext app;
    private final String server;
    /** The folder listed now (after a listing ends), or as the admin typed it. */
    public final StringProperty path = new SimpleStringProperty("/");
    public final ObservableList<RemoteFolders.Folder> folders = FXCollections.observableArrayList();
    /** What is going on, or why the last listing failed. */
    public final StringProperty message = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();
    private String shown = "/";
    private long loads;

    public FolderBrowserViewModel(AppContext app, String server) {
        this.app = app;
        this.server = server;
    }

    public String server() {
        return server;
    }

    /** Lists {@code dir}; a listing that fails keeps the previous one on screen. */
    public void open(String dir) {
        String d = dir == null ? "" : dir.trim();
        long mine = ++loads;
        busy.set(true);
        message.set(app.text().t("browse.looking", d));
        app.executor().submit(() -> app.services().servers().folders(server, d), listing -> {
            if (mine != loads) {
                return; // the admin went on to another folder meanwhile
            }
            busy.set(false);
            shown = listing.path();
            path.set(shown);
            folders.setAll(listing.folders());
            message.set(listing.leftOut() > 0 ? app.text().t("browse.leftOut", listing.leftOut()) : "");
        }, e -> {
            if (mine == loads) {
                busy.set(false);
                path.set(shown);
                message.set(ErrorWords.say(app.text(), e));
            }
        });
    }

    /** Lists the folder typed into the path field. */
    public void openTyped() {
        open(path.get());
    }

    public void up() {
        open(RemoteFolders.parent(shown));
    }

    /** The paths to add: the selected folders, or the folder shown when none is selected. */
    public List<String> chosen(List<RemoteFolders.Folder> selected) {
        return selected.isEmpty() ? List.of(shown) : selected.stream().map(RemoteFolders.Folder::path).toList();
    }
}
