package app.mamori.ui.servers;

import app.mamori.model.Source;
import app.mamori.service.ServerService;
import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Finding;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.NoteWords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * Rediscover on the Servers page: looks at a saved server again, as the wizard did, and offers
 * what none of its sources backs up yet, to add as sources in one go. Work runs on the worker;
 * the steps show as they go.
 */
public final class RediscoverViewModel {
    private final AppContext app;
    private final String server;
    /** What discovery is doing, one line per step as it starts and ends. */
    public final ObservableList<String> steps = FXCollections.observableArrayList();
    /** What is not a source yet, with the admin's ticks. */
    public final ObservableList<FindingChoice> fresh = FXCollections.observableArrayList();
    public final ObservableList<String> notes = FXCollections.observableArrayList();
    /** "4 things found are sources already", or empty before the first look ends. */
    public final StringProperty known = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    public final StringProperty added = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();
    /** A PostgreSQL login to look with instead of the one the server's sources use; all empty: theirs. */
    public final StringProperty pgHost = new SimpleStringProperty("");
    public final StringProperty pgPort = new SimpleStringProperty("");
    public final StringProperty pgUser = new SimpleStringProperty("");
    public final StringProperty pgPassword = new SimpleStringProperty("");
    private DiscoverOptions used;

    public RediscoverViewModel(AppContext app, String server) {
        this.app = app;
        this.server = server;
    }

    public String server() {
        return server;
    }

    /** Looks at the server (again). */
    public void discover() {
        Optional<DiscoverOptions.DbLogin> login;
        try {
            login = login();
        } catch (IllegalArgumentException e) {
            message.set(ErrorWords.say(app.text(), e));
            return;
        }
        busy.set(true);
        message.set("");
        steps.clear();
        app.executor().submit(() -> app.services().servers().rediscover(server, login,
                DiscoverySteps.into(app, steps)), this::show, this::failed);
    }

    private void show(ServerService.Rediscovery r) {
        busy.set(false);
        used = r.used();
        // as in the wizard: databases are what the admin almost always wants, the rest is ticked by hand
        fresh.setAll(r.fresh().stream().map(f -> new FindingChoice(f, f.suggested() instanceof Source.Database db
                && db.container().isEmpty(), app.text())).toList());
        notes.setAll(r.discovery().said().stream().map(n -> NoteWords.say(app.text(), "discover.note.", n)).toList());
        known.set(app.text().t("rediscover.known", r.known().size()));
    }

    /** Adds the ticked findings as sources of this server; {@code done} with their names once stored. */
    public void addChosen(Runnable done) {
        List<FindingChoice> chosen = fresh.stream().filter(f -> f.chosenProperty().get()).toList();
        if (chosen.isEmpty() || used == null) {
            message.set(app.text().t("rediscover.noneChosen"));
            return;
        }
        DiscoverOptions with = used;
        List<Finding> findings = chosen.stream().map(FindingChoice::finding).toList();
        busy.set(true);
        message.set("");
        app.executor().submit(() -> app.services().servers().addFound(server, findings, with), sources -> {
            busy.set(false);
            fresh.removeAll(chosen);
            added.set(app.text().t("rediscover.added", sources.size(),
                    String.join(", ", sources.stream().map(Source::name).toList())));
            done.run();
        }, this::failed);
    }

    private Optional<DiscoverOptions.DbLogin> login() {
        Optional<String> host = text(pgHost);
        Optional<String> port = text(pgPort);
        Optional<String> user = text(pgUser);
        Optional<String> password = Optional.of(pgPassword.get()).filter(p -> !p.isEmpty());
        if (host.isEmpty() && port.isEmpty() && user.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> p;
        try {
            p = port.map(Integer::valueOf);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(app.text().t("rediscover.badPort", port.get()));
        }
        return Optional.of(new DiscoverOptions.DbLogin(host, p, user, password));
    }

    private static Optional<String> text(StringProperty p) {
        return Optional.ofNullable(p.get()).map(String::trim).filter(s -> !s.isEmpty());
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(ErrorWords.say(app.text(), e));
    }
}
