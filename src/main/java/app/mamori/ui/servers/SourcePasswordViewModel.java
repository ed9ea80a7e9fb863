package app.mamori.ui.servers;

import app.mamori.model.Source;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sets the stored password of a database source (or the secret key of a bucket source) on one
 * server, as {@code mamori source set-password} does: what a refused login asks the admin to
 * do, from the app. The password is handed to the service layer and kept nowhere here.
 */
final class SourcePasswordViewModel {
    private final AppContext app;
    private final String server;
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    SourcePasswordViewModel(AppContext app, String server) {
        this.app = app;
        this.server = server;
    }

    String server() {
        return server;
    }

    /** The server's sources that take a password or key, by name. */
    ObservableList<String> sources() {
        return sources;
    }

    ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    void load() {
        app.executor().submit(() -> app.services().sources().onServer(server).stream()
                .filter(s -> s instanceof Source.Database || s instanceof Source.Bucket)
                .map(Source::name).sorted().toList(), names -> {
            sources.setAll(names);
            message.set(names.isEmpty() ? app.text().t("servers.password.none") : "");
        }, e -> message.set(ErrorWords.say(app.text(), e)));
    }

    /** Stores {@code password} for {@code source}; {@code done} gets what to tell, on the FX thread, once it is kept. */
    void save(String source, String password, java.util.function.Consumer<String> done) {
        if (source == null || password.isEmpty()) {
            message.set(app.text().t("servers.password.missing"));
            return;
        }
        app.executor().submit(() -> {
            app.services().sources().setPassword(source, password);
            return source;
        }, s -> done.accept(app.text().t("servers.password.saved", s)), e -> message.set(ErrorWords.say(app.text(), e)));
    }
}
