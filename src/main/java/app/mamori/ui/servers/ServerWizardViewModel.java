package app.mamori.ui.servers;

import app.mamori.engine.discover.DiscoveryListener;
import app.mamori.model.Job;
import app.mamori.model.JumpHost;
import app.mamori.model.Names;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.schedule.Schedule;
import app.mamori.service.Services;
import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Discovery;
import app.mamori.ssh.HostKeyPolicy;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.NoteWords;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The server wizard's state and commands: connection (validated as typed), host key (shown,
 * then trusted only on the admin's word), discovery (with database credentials when asked),
 * then sources, vault and job, saved into the catalogue as the CLI would.
 */
public final class ServerWizardViewModel {
    public enum Step { CONNECTION, HOST_KEY, DISCOVER, SAVE }

    /** What the host key check found. */
    public enum KeyState { NOT_CHECKED, NEW_KEY, PINNED, CHANGED }

    private final AppContext app;
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty port = new SimpleStringProperty("22");
    public final StringProperty user = new SimpleStringProperty("root");
    public final StringProperty identity = new SimpleStringProperty("");
    public final StringProperty jump = new SimpleStringProperty("");
    public final StringProperty nameError = new SimpleStringProperty("");
    public final StringProperty hostError = new SimpleStringProperty("");
    public final StringProperty portError = new SimpleStringProperty("");
    public final StringProperty userError = new SimpleStringProperty("");
    public final StringProperty identityError = new SimpleStringProperty("");
    public final StringProperty jumpError = new SimpleStringProperty("");

    public final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CONNECTION);
    public final ObjectProperty<KeyState> keyState = new SimpleObjectProperty<>(KeyState.NOT_CHECKED);
    public final StringProperty fingerprint = new SimpleStringProperty("");
    public final StringProperty pinnedFingerprint = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();

    public final ObservableList<String> tools = FXCollections.observableArrayList();
    public final ObservableList<FindingChoice> findings = FXCollections.observableArrayList();
    public final ObservableList<String> notes = FXCollections.observableArrayList();
    public final StringProperty pgHost = new SimpleStringProperty("");
    public final StringProperty pgPort = new SimpleStringProperty("");
    public final StringProperty pgUser = new SimpleStringProperty("");
    public final StringProperty pgPassword = new SimpleStringProperty("");

    public final ObservableList<String> vaults = FXCollections.observableArrayList();
    /** An existing vault's name, or empty for a new local one at {@link #newVaultPath}. */
    public final StringProperty vault = new SimpleStringProperty("");
    public final StringProperty newVaultPath = new SimpleStringProperty("");
    public final StringProperty jobName = new SimpleStringProperty("");
    /** What discovery is doing, one line per step as it starts and ends. */
    public final ObservableList<String> discoverySteps = FXCollections.observableArrayList();
    /** When the new job runs and what it keeps: a nightly run and two weeks, two months and a year of points. */
    public final StringProperty schedule = new SimpleStringProperty("daily 02:30");
    public final StringProperty keepDaily = new SimpleStringProperty("14");
    public final StringProperty keepWeekly = new SimpleStringProperty("8");
    public final StringProperty keepMonthly = new SimpleStringProperty("12");
    public final StringProperty savedJob = new SimpleStringProperty("");

    private final BooleanBinding connectionValid;

    public ServerWizardViewModel(AppContext app) {
        this.app = app;
        for (StringProperty p : List.of(name, host, port, user, identity, jump)) {
            p.addListener((o, a, b) -> validate());
        }
        connectionValid = Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && hostError.get().isEmpty()
                        && portError.get().isEmpty() && userError.get().isEmpty() && identityError.get().isEmpty()
                        && jumpError.get().isEmpty() && !name.get().isBlank() && !host.get().isBlank(),
                nameError, hostError, portError, userError, identityError, jumpError, name, host);
        name.addListener((o, a, n) -> {
            if (jobName.get().isEmpty() || jobName.get().equals(a)) {
                jobName.set(n);
            }
        });
        newVaultPath.set(app.home().dir().resolve("vault").toString());
        validate();
    }

    public BooleanBinding connectionValid() {
        return connectionValid;
    }

    /** Checks every connection field; an empty field is only an error once something was typed into another. */
    void validate() {
        nameError.set(check(() -> {
            if (!name.get().isEmpty()) {
                Names.requireValid("name", name.get());
                if (app.services().servers().find(name.get()).isPresent()) {
                    throw new IllegalArgumentException(app.text().t("wizard.error.serverExists"));
                }
            }
        }));
        hostError.set(host.get().chars().anyMatch(Character::isWhitespace) ? app.text().t("wizard.error.hostSpaces") : "");
        portError.set(portProblem(port.get()));
        userError.set(user.get().isBlank() ? app.text().t("wizard.error.user") : "");
        identityError.set(identity.get().isBlank() || Files.isReadable(Path.of(identity.get())) ? ""
                : app.text().t("wizard.error.keyUnreadable"));
        jumpError.set(check(() -> {
            if (!jump.get().isBlank()) {
                JumpHost.parse(jump.get().trim());
            }
        }));
    }

    private String portProblem(String text) {
        int p;
        try {
            p = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return app.text().t("wizard.error.port");
        }
        return p < 1 || p > 65535 ? app.text().t("wizard.error.portRange") : "";
    }

    private String check(Runnable r) {
        try {
            r.run();
            return "";
        } catch (RuntimeException e) {
            return ErrorWords.say(app.text(), e);
        }
    }

    Server server() {
        return new Server(name.get().trim(), host.get().trim(), Integer.parseInt(port.get().trim()), user.get().trim(),
                Optional.of(identity.get().trim()).filter(s -> !s.isEmpty()),
                Optional.of(jump.get().trim()).filter(s -> !s.isEmpty()).map(JumpHost::parse));
    }

    /** Step 1 → 2: connects with the pinned key only, to see which key the server presents. */
    public void checkHostKey() {
        if (!connectionValid.get()) {
            return;
        }
        Server s = server();
        run(() -> app.services().servers().checkHostKey(s), k -> {
            KeyState state = KeyState.valueOf(k.state().name());
            keyState.set(state);
            fingerprint.set(k.presented());
            pinnedFingerprint.set(state == KeyState.CHANGED ? k.pinned() : "");
            message.set(state == KeyState.CHANGED ? k.message() : "");
            step.set(Step.HOST_KEY);
        });
    }

    /** The admin compared the fingerprint: pin exactly that key, then look around the server. */
    public void trustAndDiscover() {
        if (keyState.get() == KeyState.CHANGED || fingerprint.get().isEmpty()) {
            return;
        }
        Server s = server();
        String confirmed = fingerprint.get();
        discoverySteps.clear();
        run(() -> app.services().servers().discover(s, confirmed, options(), stepsListener()), this::showDiscovery);
    }

    /** Looks again, with the database login typed in step 3. */
    public void discoverAgain() {
        Server s = server();
        discoverySteps.clear();
        run(() -> app.services().servers().discover(s, fingerprint.get(), options(), stepsListener()),
                this::showDiscovery);
    }

    /** Each step's line, replaced by its result when it ends; handed to the FX thread. */
    private DiscoveryListener stepsListener() {
        return DiscoverySteps.into(app, discoverySteps);
    }

    private DiscoverOptions options() {
        return DiscoverOptions.defaults().withPostgres(new DiscoverOptions.DbLogin(text(pgHost),
                text(pgPort).map(Integer::valueOf), text(pgUser), text(pgPassword)));
    }

    private static Optional<String> text(StringProperty p) {
        return Optional.ofNullable(p.get()).map(String::trim).filter(s -> !s.isEmpty());
    }

    private void showDiscovery(Discovery d) {
        keyState.set(KeyState.PINNED);
        tools.setAll(d.tools());
        // databases are what the admin almost always wants; files, volumes and containers are ticked by hand
        findings.setAll(d.findings().stream().map(f -> new FindingChoice(f, f.suggested() instanceof Source.Database db
                && db.container().isEmpty(), app.text())).toList());
        notes.setAll(d.said().stream().map(n -> NoteWords.say(app.text(), "discover.note.", n)).toList());
        message.set("");
        step.set(Step.DISCOVER);
        vaults.setAll(app.services().vaults().list().stream().map(Vault::name).toList());
        if (!vaults.isEmpty() && vault.get().isEmpty()) {
            vault.set(vaults.get(0));
        }
    }

    public void toSave() {
        step.set(Step.SAVE);
    }

    public void back() {
        switch (step.get()) {
            case HOST_KEY -> step.set(Step.CONNECTION);
            case DISCOVER -> step.set(Step.HOST_KEY);
            case SAVE -> step.set(Step.DISCOVER);
            default -> {
            }
        }
    }

    /** Saves server, chosen sources, vault and job, as `mamori server/source/vault/job add` would. */
    public void save() {
        Server s = server();
        List<Source> chosen = findings.stream().filter(f -> f.chosenProperty().get()).map(f -> f.finding().suggested())
                .toList();
        String job = jobName.get().trim();
        String existingVault = vault.get() == null ? "" : vault.get();
        Path newVault = Path.of(newVaultPath.get().trim()).toAbsolutePath().normalize();
        Optional<String> password = text(pgPassword);
        String when = schedule.get().trim();
        String[] keep = {keepDaily.get().trim(), keepWeekly.get().trim(), keepMonthly.get().trim()};
        run(() -> {
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException(app.text().t("wizard.error.nothingTicked"));
            }
            Optional<Schedule> parsedSchedule = when.isEmpty() || when.equalsIgnoreCase("none") ? Optional.empty()
                    : Optional.of(Schedule.parse(when));
            RetentionPolicy policy = new RetentionPolicy(0, 0, count(keep[0]), count(keep[1]), count(keep[2]), 0);
            Names.requireValid("job name", job);
            Services services = app.services();
            for (Source src : chosen) {
                if (services.sources().find(src.name()).isPresent()) {
                    throw new IllegalArgumentException(app.text().t("wizard.error.sourceExists", src.name()));
                }
            }
            if (services.jobs().find(job).isPresent()) {
                throw new IllegalArgumentException(app.text().t("wizard.error.jobExists", job));
            }
            // the key was pinned when the admin confirmed it; this connection checks it again
            services.servers().add(s, HostKeyPolicy.pinned());
            for (Source src : chosen) {
                boolean withPassword = src instanceof Source.Database d && d.hasPassword() && password.isPresent();
                services.sources().add(src, withPassword ? password : Optional.empty());
            }
            String vaultName = existingVault;
            if (vaultName.isEmpty()) {
                vaultName = services.vaults().addLocal(uniqueVaultName(), newVault.toString()).name();
            }
            services.jobs().add(new Job(job, chosen.stream().map(Source::name).toList(), vaultName), parsedSchedule,
                    Optional.of(policy));
            return job;
        }, savedJob::set);
    }

    private int count(String text) {
        try {
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(app.text().t("editor.keepNotANumber"));
        }
    }

    private String uniqueVaultName() {
        String base = "local";
        String n = base;
        for (int i = 2; app.services().vaults().find(n).isPresent(); i++) {
            n = base + "-" + i;
        }
        return n;
    }

    /** Offered once saved: the first backup, right away. */
    public void backUpNow() {
        if (!savedJob.get().isEmpty()) {
            app.runs().start(savedJob.get());
        }
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> then) {
        busy.set(true);
        message.set("");
        app.executor().submit(work, r -> {
            busy.set(false);
            then.accept(r);
        }, e -> {
            busy.set(false);
            message.set(ErrorWords.say(app.text(), e));
        });
    }
}
