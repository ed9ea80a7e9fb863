package app.mamori.ui.vaults;

import app.mamori.model.Server;
import app.mamori.model.Vault;
import app.mamori.service.VaultService;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** The vaults, measured in the background one by one, and the commands to add and remove them. */
public final class VaultsViewModel {
    private final AppContext app;
    private final ObservableList<VaultRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> servers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** When each vault was last measured: a big vault is walked at most once a minute, however often the catalogue changes. */
    private final java.util.Map<Vault, java.time.Instant> measuredAt = new java.util.HashMap<>();
    private static final java.time.Duration MEASURE_EVERY = java.time.Duration.ofMinutes(1);

    public VaultsViewModel(AppContext app) {
        this.app = app;
    }

    public ObservableList<VaultRow> rows() {
        return rows;
    }

    /** Servers a vault can be kept on. */
    public ObservableList<String> servers() {
        return servers;
    }

    /** What the last command did, or why it failed. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** Lists the vaults at once, then measures each (a big vault or a slow server takes a while). */
    public void refresh() {
        app.executor().submit(() -> new Listing(app.services().vaults().list(),
                app.services().servers().list().stream().map(Server::name).toList()), l -> {
            // the same vaults keep their last figures while they are measured again
            if (!rows.stream().map(VaultRow::vault).toList().equals(l.vaults())) {
                java.util.Map<Vault, VaultRow> before = new java.util.HashMap<>();
                rows.forEach(r -> before.put(r.vault(), r));
                rows.setAll(l.vaults().stream().map(v -> before.getOrDefault(v, VaultRow.unmeasured(v))).toList());
            }
            if (!servers.equals(l.servers())) {
                servers.setAll(l.servers());
            }
            java.time.Instant now = app.clock().instant();
            for (Vault v : l.vaults()) {
                java.time.Instant last = measuredAt.get(v);
                if (last == null || last.plus(MEASURE_EVERY).isBefore(now)) {
                    measuredAt.put(v, now);
                    measure(v);
                }
            }
        }, e -> message.set(ErrorWords.say(app.text(), e)));
    }

    private record Listing(List<Vault> vaults, List<String> servers) {
    }

    private void measure(Vault v) {
        app.executor().submit(() -> app.services().vaults().usage(v.name()),
                u -> replace(new VaultRow(v, OptionalLong.of(u.used()), OptionalLong.of(u.free()), "")),
                e -> replace(new VaultRow(v, OptionalLong.empty(), OptionalLong.empty(),
                        ErrorWords.say(app.text(), e))));
    }

    private void replace(VaultRow row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).vault().name().equals(row.vault().name())) {
                rows.set(i, row);
            }
        }
    }

    /** Adds a folder on this computer (server empty) or on a server; {@code done} or {@code failed} follows. */
    public void add(String name, String server, String path, Consumer<Vault> done, Consumer<String> failed) {
        String n = name.trim();
        String p = path.trim();
        VaultService vaults = app.services().vaults();
        app.executor().submit(() -> server == null || server.isBlank() ? vaults.addLocal(n, p)
                : vaults.addOnServer(n, server, p), v -> {
            message.set(app.text().t("vaults.added", v.name()));
            refresh();
            done.accept(v);
        }, e -> failed.accept(ErrorWords.say(app.text(), e)));
    }

    public void remove(String name) {
        app.executor().submit(() -> {
            app.services().vaults().remove(name);
            return name;
        }, n -> {
            message.set(app.text().t("vaults.removed", n));
            measuredAt.keySet().removeIf(v -> v.name().equals(n));
            refresh();
        }, e -> message.set(ErrorWords.say(app.text(), e)));
    }
}
