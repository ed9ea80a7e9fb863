package app.mamori.engine.config;

import app.mamori.catalog.JobPause;
import app.mamori.catalog.RunbookStore;
import app.mamori.model.CopySettings;
import app.mamori.model.ObjectVault;
import app.mamori.model.Job;
import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.Objectives;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.secret.SecretStore;
import app.mamori.engine.notify.Notifications;
import app.mamori.ssh.PinnedKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code mamori config export} writes, as data: no secret, no history. Object vaults
 * (offsite, S3) are listed apart from folder vaults: their keys are secrets, named, not written.
 */
public record ConfigFile(List<ServerEntry> servers, List<Source> sources, List<Vault> vaults, List<JobEntry> jobs,
                         RetentionPolicy defaultRetention, List<Notifier> notifiers,
                         List<RunbookStore.Contact> contacts, List<ObjectVault> objectVaults) {

    /** A configuration without object vaults. */
    public ConfigFile(List<ServerEntry> servers, List<Source> sources, List<Vault> vaults, List<JobEntry> jobs,
                      RetentionPolicy defaultRetention, List<Notifier> notifiers, List<RunbookStore.Contact> contacts) {
        this(servers, sources, vaults, jobs, defaultRetention, notifiers, contacts, List.of());
    }

    public ConfigFile {
        objectVaults = List.copyOf(objectVaults);
        servers = List.copyOf(servers);
        sources = List.copyOf(sources);
        vaults = List.copyOf(vaults);
        jobs = List.copyOf(jobs);
        notifiers = List.copyOf(notifiers);
        contacts = List.copyOf(contacts);
    }

    /** A server with the host keys pinned for it (and its jump host), and the order its sources restore in. */
    public record ServerEntry(Server server, List<PinnedKeys.Key> hostKeys, List<PinnedKeys.Key> jumpHostKeys,
                              List<String> restoreOrder) {
        public ServerEntry {
            hostKeys = List.copyOf(hostKeys);
            jumpHostKeys = List.copyOf(jumpHostKeys);
            restoreOrder = List.copyOf(restoreOrder);
        }
    }

    /**
     * A job with its schedule (as written), retention policy, objectives and drill schedule, where
     * it copies its points offsite (with what is kept there), its pause when it is paused, and its
     * stall limit when it is not the default.
     */
    public record JobEntry(Job job, Optional<String> schedule, RetentionPolicy retention, Objectives objectives,
                           Optional<String> drill, Optional<CopySettings> copy, Optional<JobPause> pause,
                           Optional<java.time.Duration> stall) {

        public JobEntry(Job job, Optional<String> schedule, RetentionPolicy retention, Objectives objectives,
                        Optional<String> drill) {
            this(job, schedule, retention, objectives, drill, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A secret the configuration needs but the file leaves out: its name in the secret store, and what it is. */
    public record Secret(String key, String what, boolean optional) {
    }

    /** The secrets this configuration needs, in file order: what an import asks for. */
    public List<Secret> secrets() {
        List<Secret> out = new ArrayList<>();
        for (Source s : sources) {
            if (s instanceof Source.Database d && d.hasPassword()) {
                out.add(new Secret(SecretStore.sourcePasswordKey(s.name()), "the database password of source "
                        + s.name(), false));
            } else if (s instanceof Source.Bucket) {
                out.add(new Secret(SecretStore.sourcePasswordKey(s.name()), "the secret access key of bucket source "
                        + s.name(), false));
            }
        }
        for (ObjectVault v : objectVaults) {
            out.add(new Secret(ObjectVault.secretKeyKey(v.name()), "the secret access key of offsite vault " + v.name()
                    + " (access key id " + v.accessKeyId() + ")", false));
            if (v.encrypted()) {
                out.add(new Secret(ObjectVault.passphraseKey(v.name()), "the passphrase of encrypted offsite vault "
                        + v.name(), false));
            }
        }
        for (Notifier n : notifiers) {
            if (n.channel() instanceof NotifyChannel.Email e && e.user().isPresent()) {
                out.add(new Secret(Notifications.passwordKey(n.name()), "the SMTP password of notifier " + n.name()
                        + " (user " + e.user().get() + "; an empty line for none)", true));
            } else if (n.channel() instanceof NotifyChannel.Webhook) {
                out.add(new Secret(Notifications.urlKey(n.name()), "the webhook URL of notifier " + n.name(), false));
            }
        }
        return out;
    }
}
