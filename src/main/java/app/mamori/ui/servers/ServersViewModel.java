package app.mamori.ui.servers;

import app.mamori.catalog.ServerStore;
import app.mamori.model.Server;
import app.mamori.service.ServerService;
import app.mamori.ssh.HostKeyPolicy;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/** The Servers page: the list, and test, edit and remove for one server, each off the FX thread. */
public final class ServersViewModel {
    private final AppContext app;
    private final ObservableList<Server> servers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public ServersViewModel(AppContext app) {
        this.app = app;
    }

    public ObservableList<Server> servers() {
        return servers;
    }

    /** One line on what the last command did or why it failed. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** Longer output of the last command: the tools a tested server has. */
    public ReadOnlyStringProperty details() {
        return details.getReadOnlyProperty();
    }

    /** Says {@code line} on the page's message line: what a dialog of this page did. */
    void told(String line) {
        message.set(line);
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public void refresh() {
        app.executor().submit(() -> app.services().servers().list(), list -> {
            if (!servers.equals(list)) {
                servers.setAll(list);
            }
        }, this::failed);
    }

    /** Connects with the pinned key and lists the tools Mamori may use there. */
    public void test(String name) {
        busy.set(true);
        message.set(app.text().t("servers.testing", name));
        details.set("");
        app.executor().submit(() -> app.services().servers().test(name), c -> {
            busy.set(false);
            message.set(app.text().t("servers.tested", name, c.fingerprint()));
            details.set(c.tools());
        }, this::failed);
    }

    /** What removing {@code name} takes along, for the confirmation. */
    public void dependents(String name, Consumer<ServerStore.Dependents> then) {
        app.executor().submit(() -> app.services().servers().dependents(name), then, this::failed);
    }

    public void remove(String name) {
        busy.set(true);
        app.executor().submit(() -> app.services().servers().remove(name), d -> {
            busy.set(false);
            message.set(app.text().t("servers.removed", name, d.jobs().size(), d.sources().size()));
            details.set("");
            refresh();
        }, this::failed);
    }

    /** Which key the edited address presents: the edit dialog asks the admin to confirm a new one. */
    public void checkKey(Server edited, Consumer<ServerService.KeyCheck> then, Consumer<String> failed) {
        app.executor().submit(() -> app.services().servers().checkHostKey(edited), then,
                e -> failed.accept(text(e)));
    }

    /** Saves an edit; {@code confirmedKey} is the fingerprint the admin confirmed for a new address, or null. */
    public void save(Server edited, String confirmedKey, Runnable done, Consumer<String> failed) {
        HostKeyPolicy policy = confirmedKey == null ? HostKeyPolicy.pinned() : new HostKeyPolicy.Expect(confirmedKey);
        app.executor().submit(() -> app.services().servers().update(edited, policy), key -> {
            message.set(app.text().t("servers.saved", edited.name(), key));
            refresh();
            done.run();
        }, e -> failed.accept(text(e)));
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(text(e));
    }

    private String text(Throwable e) {
        return ErrorWords.say(app.text(), e);
    }
}
