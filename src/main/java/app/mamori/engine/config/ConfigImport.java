package app.mamori.engine.config;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.JobPause;
import app.mamori.model.Objectives;
import app.mamori.model.CopySettings;
import app.mamori.model.ObjectVault;
import app.mamori.engine.notify.Notifications;
import app.mamori.model.Job;
import app.mamori.model.Notifier;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.schedule.Schedule;
import app.mamori.secret.SecretStore;
import app.mamori.ssh.PinnedKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applying a configuration file to this workstation: first a plan of what it adds and changes
 * (nothing is ever removed; what this workstation has besides stays), shown by {@code --dry-run}
 * and before every import, then the plan carried out. Importing a file equal to this
 * workstation's own export plans nothing.
 */
public final class ConfigImport {
    private ConfigImport() {
    }

    /** One line of the plan. */
    public record Change(Kind kind, String what) {
        public enum Kind { ADD, CHANGE, NOTE }

        @Override
        public String toString() {
            return switch (kind) {
                case ADD -> "add     ";
                case CHANGE -> "change  ";
                case NOTE -> "note    ";
            } + what;
        }
    }

    /** What an import of {@code file} would do, and the secrets it still needs. */
    public record Plan(ConfigFile file, List<Change> changes, List<ConfigFile.Secret> missingSecrets) {
        public boolean changesNothing() {
            return changes.stream().noneMatch(c -> c.kind() != Change.Kind.NOTE) && missingSecrets.isEmpty();
        }
    }

    public static Plan plan(Catalog catalog, PinnedKeys pinned, SecretStore secrets, ConfigFile file)
            throws IOException {
        List<Change> out = new ArrayList<>();
        check(file);
        for (ConfigFile.ServerEntry e : file.servers()) {
            Server s = e.server();
            Optional<Server> here = catalog.servers().find(s.name());
            if (here.isEmpty()) {
                out.add(add("server " + s.name() + " (" + s.user() + "@" + s.host() + ":" + s.port() + ")"));
            } else if (!here.get().equals(s)) {
                out.add(change("server " + s.name() + ": " + here.get() + " -> " + s));
            }
            keys(pinned, s.name(), s.hostKeyAlias(), e.hostKeys(), out);
            if (s.jump().isPresent()) {
                keys(pinned, s.name() + "'s jump host", PinnedKeys.alias(s.jump().get().host(), s.jump().get().port()),
                        e.jumpHostKeys(), out);
            }
            s.identity().filter(i -> !Files.exists(Path.of(i))).ifPresent(i -> out.add(new Change(Change.Kind.NOTE,
                    "server " + s.name() + ": the key file " + i + " is not on this computer; copy it here")));
        }
        for (Vault v : file.vaults()) {
            Optional<Vault> here = catalog.vaults().find(v.name());
            if (here.isEmpty()) {
                out.add(add("vault " + v.name() + " (" + v.path() + v.server().map(x -> " on server " + x).orElse("")
                        + ")"));
            } else if (!here.get().equals(v)) {
                throw new IllegalArgumentException("vault " + v.name() + " is " + here.get().path() + " here and "
                        + v.path() + " in the file; Mamori does not move a vault: rename it in the file, or change"
                        + " the jobs to another vault");
            }
        }
        for (ObjectVault v : file.objectVaults()) {
            objectVaultChanges(catalog, v, out);
        }
        for (Source s : file.sources()) {
            Optional<Source> here = catalog.sources().find(s.name());
            if (here.isEmpty()) {
                out.add(add("source " + s.name() + " (" + s.kind().id() + " on server " + s.server() + ")"));
            } else if (!here.get().server().equals(s.server())) {
                throw new IllegalArgumentException("source " + s.name() + " is on server " + here.get().server()
                        + " here and on " + s.server() + " in the file; a source cannot move to another server");
            } else if (!here.get().equals(s)) {
                out.add(change("source " + s.name() + ": " + here.get() + " -> " + s));
            }
        }
        for (ConfigFile.JobEntry e : file.jobs()) {
            jobChanges(catalog, e, out);
        }
        if (!catalog.retention().defaultPolicy().equals(file.defaultRetention())) {
            out.add(change("default retention: " + catalog.retention().defaultPolicy() + " -> "
                    + file.defaultRetention()));
        }
        for (Notifier n : file.notifiers()) {
            Optional<Notifier> here = catalog.notifiers().find(n.name());
            if (here.isEmpty()) {
                out.add(add("notifier " + n.name()));
            } else if (!here.get().equals(n)) {
                out.add(change("notifier " + n.name()));
            }
        }
        if (!catalog.runbook().contacts().equals(file.contacts())) {
            out.add(change("contacts: " + file.contacts().stream().map(c -> c.name()).collect(Collectors.joining(", "))));
        }
        for (ConfigFile.ServerEntry e : file.servers()) {
            List<String> here = catalog.servers().find(e.server().name()).isPresent()
                    ? catalog.runbook().restoreOrder(e.server().name()) : List.of();
            if (!here.equals(e.restoreOrder())) {
                out.add(change("restore order of server " + e.server().name() + ": " + String.join(", ",
                        e.restoreOrder())));
            }
        }
        List<ConfigFile.Secret> missing = new ArrayList<>();
        for (ConfigFile.Secret s : file.secrets()) {
            if (secrets.get(s.key()).isEmpty()) {
                missing.add(s);
            }
        }
        return new Plan(file, out, missing);
    }

    /**
     * Carries out {@code plan}; {@code given} holds the missing secrets by name (an empty value
     * leaves an optional one unset). Every secret is stored before what uses it is added.
     */
    public static void apply(Plan plan, Catalog catalog, PinnedKeys pinned, SecretStore secrets,
                             Map<String, String> given) throws IOException {
        for (ConfigFile.Secret s : plan.missingSecrets()) {
            String value = given.get(s.key());
            if ((value == null || value.isEmpty()) && !s.optional()) {
                throw new IllegalArgumentException("secret " + s.key() + " (" + s.what() + ") is missing; give it on"
                        + " standard input, one line per secret in the order --dry-run lists them");
            }
            if (value != null && !value.isEmpty()) {
                secrets.put(s.key(), value);
            }
        }
        ConfigFile f = plan.file();
        for (ConfigFile.ServerEntry e : f.servers()) {
            Server s = e.server();
            Optional<Server> here = catalog.servers().find(s.name());
            if (here.isEmpty()) {
                catalog.servers().add(s);
            } else if (!here.get().equals(s)) {
                catalog.servers().update(s);
            }
            for (PinnedKeys.Key k : e.hostKeys()) {
                pinned.pin(s.hostKeyAlias(), k);
            }
            if (s.jump().isPresent()) {
                for (PinnedKeys.Key k : e.jumpHostKeys()) {
                    pinned.pin(PinnedKeys.alias(s.jump().get().host(), s.jump().get().port()), k);
                }
            }
        }
        for (Vault v : f.vaults()) {
            if (catalog.vaults().find(v.name()).isEmpty()) {
                catalog.vaults().add(v);
            }
        }
        for (ObjectVault v : f.objectVaults()) {
            if (catalog.copies().findVault(v.name()).isEmpty()) {
                catalog.copies().addVault(v);
            }
        }
        for (Source s : f.sources()) {
            Optional<Source> here = catalog.sources().find(s.name());
            if (here.isEmpty()) {
                catalog.sources().add(s);
            } else if (!here.get().equals(s)) {
                catalog.sources().update(s);
            }
        }
        for (ConfigFile.JobEntry e : f.jobs()) {
            applyJob(catalog, e);
        }
        if (!catalog.retention().defaultPolicy().equals(f.defaultRetention())) {
            catalog.retention().setDefault(f.defaultRetention());
        }
        for (Notifier n : f.notifiers()) {
            Optional<Notifier> here = catalog.notifiers().find(n.name());
            if (here.isPresent() && !here.get().equals(n)) {
                catalog.notifiers().remove(n.name()); // its secret stays in the store, under the same name
            }
            if (here.isEmpty() || !here.get().equals(n)) {
                Notifications.add(catalog, secrets, n, Optional.empty());
            }
        }
        if (!catalog.runbook().contacts().equals(f.contacts())) {
            catalog.runbook().setContacts(f.contacts());
        }
        for (ConfigFile.ServerEntry e : f.servers()) {
            if (!catalog.runbook().restoreOrder(e.server().name()).equals(e.restoreOrder())) {
                catalog.runbook().setRestoreOrder(e.server().name(), e.restoreOrder());
            }
        }
    }

    private static void jobChanges(Catalog catalog, ConfigFile.JobEntry e, List<Change> out) {
        String name = e.job().name();
        Optional<Job> here = catalog.jobs().find(name);
        if (here.isEmpty()) {
            out.add(add("job " + name + " (" + String.join(", ", e.job().sources()) + " -> vault " + e.job().vault()
                    + e.schedule().map(s -> ", " + s).orElse("") + ")"));
            return;
        }
        if (!here.get().equals(e.job())) {
            out.add(change("job " + name + ": sources " + String.join(", ", e.job().sources()) + ", vault "
                    + e.job().vault()));
        }
        Optional<String> schedule = catalog.schedules().find(name).map(s -> s.expression());
        if (!schedule.equals(e.schedule())) {
            out.add(change("job " + name + " schedule: " + schedule.orElse("none") + " -> " + e.schedule().orElse("none")));
        }
        if (!catalog.retention().get(name).equals(e.retention())) {
            out.add(change("job " + name + " retention: " + catalog.retention().get(name) + " -> " + e.retention()));
        }
        if (!catalog.objectives().get(name).equals(e.objectives())) {
            out.add(change("job " + name + " objectives"));
        }
        Optional<String> drill = catalog.drills().find(name).map(d -> d.expression());
        if (!drill.equals(e.drill())) {
            out.add(change("job " + name + " drill: " + drill.orElse("none") + " -> " + e.drill().orElse("none")));
        }
        Optional<CopySettings> copy = catalog.copies().copyOf(name);
        if (!copy.equals(e.copy())) {
            out.add(change("job " + name + " offsite copy: " + copy.map(ConfigImport::copyText).orElse("none") + " -> "
                    + e.copy().map(ConfigImport::copyText).orElse("none")));
        }
        Optional<java.time.Duration> stall = catalog.stalls().find(name);
        if (!stall.equals(e.stall())) {
            out.add(change("job " + name + " stall limit: " + stall.map(Objectives::format).orElse("default") + " -> "
                    + e.stall().map(Objectives::format).orElse("default")));
        }
        Optional<JobPause> pause = catalog.pauses().find(name);
        if (!pause.equals(e.pause())) {
            out.add(change("job " + name + ": " + e.pause().map(p -> "paused since " + p.since()
                    + p.reason().map(r -> " (" + r + ")").orElse("")).orElse("resumed")));
        }
    }

    private static String copyText(CopySettings c) {
        return "to " + c.vault() + ", keeping " + c.keep();
    }

    /** An offsite vault is added, never changed: a vault whose bucket moved is another vault. */
    private static void objectVaultChanges(Catalog catalog, ObjectVault v, List<Change> out) {
        Optional<ObjectVault> here = catalog.copies().findVault(v.name());
        if (here.isEmpty() && catalog.vaults().find(v.name()).isPresent()) {
            throw new IllegalArgumentException("vault " + v.name() + " is a folder vault here and an offsite vault in"
                    + " the file; rename one of them");
        }
        if (here.isEmpty()) {
            out.add(add("offsite vault " + v.name() + " (" + v.describe() + ")"));
        } else if (!here.get().equals(v)) {
            throw new IllegalArgumentException("offsite vault " + v.name() + " is " + here.get().describe() + " here"
                    + " and " + v.describe() + " in the file; Mamori does not move a vault: rename it in the file, or"
                    + " remove it here first (mamori vault remove " + v.name() + ")");
        }
    }

    private static void applyJob(Catalog catalog, ConfigFile.JobEntry e) {
        String name = e.job().name();
        Optional<Job> here = catalog.jobs().find(name);
        if (here.isEmpty()) {
            catalog.jobs().add(e.job());
        } else if (!here.get().equals(e.job())) {
            catalog.jobs().update(e.job());
        }
        Optional<String> schedule = catalog.schedules().find(name).map(s -> s.expression());
        if (!schedule.equals(e.schedule())) {
            if (e.schedule().isPresent()) {
                catalog.schedules().set(name, e.schedule().get());
            } else {
                catalog.schedules().clear(name);
            }
        }
        if (!catalog.retention().get(name).equals(e.retention())) {
            catalog.retention().set(name, e.retention());
        }
        catalog.objectives().set(name, e.objectives());
        if (!catalog.stalls().find(name).equals(e.stall())) {
            catalog.stalls().set(name, e.stall());
        }
        if (e.drill().isPresent()) {
            catalog.drills().set(name, e.drill().get());
        } else {
            catalog.drills().clear(name);
        }
        if (!catalog.copies().copyOf(name).equals(e.copy())) {
            if (e.copy().isPresent()) {
                catalog.copies().setCopy(e.copy().get());
            } else {
                catalog.copies().removeCopy(name);
            }
        }
        if (!catalog.pauses().find(name).equals(e.pause())) {
            if (e.pause().isPresent()) {
                catalog.pauses().pauseAsOf(name, e.pause().get().since(), e.pause().get().reason());
            } else {
                catalog.pauses().resume(name);
            }
        }
    }

    private static void keys(PinnedKeys pinned, String whose, String alias, List<PinnedKeys.Key> keys,
                             List<Change> out) throws IOException {
        Set<String> here = pinned.of(alias).stream().map(PinnedKeys.Key::fingerprint).collect(Collectors.toSet());
        for (PinnedKeys.Key k : keys) {
            if (!here.contains(k.fingerprint())) {
                out.add(add("pinned host key of " + whose + " (" + alias + "): " + k.type() + " " + k.fingerprint()));
            }
        }
    }

    /** Names, references and schedules are checked before anything is planned, so nothing is half imported. */
    private static void check(ConfigFile f) {
        Set<String> servers = f.servers().stream().map(e -> e.server().name()).collect(Collectors.toSet());
        for (Source s : f.sources()) {
            if (!servers.contains(s.server())) {
                throw new IllegalArgumentException("source " + s.name() + " names server " + s.server()
                        + ", which the file does not have");
            }
        }
        Set<String> objectVaults = f.objectVaults().stream().map(ObjectVault::name).collect(Collectors.toSet());
        for (ConfigFile.JobEntry e : f.jobs()) {
            e.copy().filter(c -> !objectVaults.contains(c.vault())).ifPresent(c -> {
                throw new IllegalArgumentException("job " + e.job().name() + " copies to offsite vault " + c.vault()
                        + ", which the file does not have");
            });
            for (Optional<String> s : List.of(e.schedule(), e.drill())) {
                s.ifPresent(x -> {
                    try {
                        Schedule.parse(x);
                    } catch (IllegalArgumentException bad) {
                        throw new IllegalArgumentException("job " + e.job().name() + " schedule '" + x + "': "
                                + bad.getMessage(), bad);
                    }
                });
            }
        }
    }

    private static Change add(String what) {
        return new Change(Change.Kind.ADD, what);
    }

    private static Change change(String what) {
        return new Change(Change.Kind.CHANGE, what);
    }
}
