package app.mamori.service;

import app.mamori.catalog.Catalog;
import app.mamori.engine.BackupEngine;
import app.mamori.engine.Housekeeping;
import app.mamori.engine.MamoriHome;
import app.mamori.engine.notify.Notifications;
import app.mamori.engine.restore.RestoreEngine;
import app.mamori.engine.timeline.Timeline;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.secret.SecretStore;
import app.mamori.ssh.JschConnector;
import app.mamori.ssh.SshConnector;
import app.mamori.util.Version;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The composition root: builds the catalogue, secret store, SSH connector, engines and the
 * feature services once, for the command line and the app alike. The catalogue opens on
 * first use (so {@code --help} touches no file) and closes with this object.
 */
public final class Services implements AutoCloseable {
    private final MamoriHome home;
    private final Supplier<Catalog> opener;
    private final SshConnector ssh;
    private final Clock clock;
    private Catalog catalog;
    private SecretStore secrets;

    /**
     * @param opener opens the catalogue when it is first needed
     * @param ssh    null where nothing connects (some unit tests)
     */
    public Services(MamoriHome home, Supplier<Catalog> opener, SshConnector ssh, Clock clock) {
        this.home = home;
        this.opener = opener;
        this.ssh = ssh;
        this.clock = clock;
    }

    /** The real thing: the data folder's catalogue (after housekeeping), the user's SSH setup, logs in the data folder. */
    public static Services open(MamoriHome home) {
        Logs.init(home.logDir());
        return new Services(home, () -> {
            Catalog c = Catalog.open(home.catalogFile());
            Housekeeping.afterStart(c);
            return c;
        }, new JschConnector(home.knownHostsFile(), JschConnector.defaultSshConfig()), Clock.systemUTC());
    }

    /** Over a catalogue that is already open (tests, and the app's own tests). */
    public static Services over(MamoriHome home, Catalog catalog, SshConnector ssh, Clock clock) {
        return new Services(home, () -> catalog, ssh, clock);
    }

    public MamoriHome home() {
        return home;
    }

    public synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = opener.get();
        }
        return catalog;
    }

    /** Changes whenever the catalogue does, from this process or another; see {@link Catalog#changeStamp()}. */
    public long changeStamp() {
        return catalog().changeStamp();
    }

    /**
     * One store for the process: it keeps its connection to the OS keyring (made on first need, as
     * {@code MAMORI_KEYRING} and the session allow) until this object closes.
     */
    public synchronized SecretStore secrets() {
        if (secrets == null) {
            secrets = SecretStore.open(home.secretsFile(), System.getenv());
        }
        return secrets;
    }

    public SshConnector ssh() {
        return ssh;
    }

    public Clock clock() {
        return clock;
    }

    public BackupEngine backupEngine() {
        return new BackupEngine(catalog(), ssh, secrets(), clock, Version.get());
    }

    public RestoreEngine restoreEngine() {
        return new RestoreEngine(catalog(), ssh, secrets(), backupEngine(), clock);
    }

    public Notifications notifications() {
        return new Notifications(catalog(), secrets(), clock);
    }

    /** The timeline of points, runs and gaps, read one window at a time (the CLI's timeline and the app's control). */
    public TimelineSource timeline(ZoneId zone) {
        return new Timeline(catalog(), clock, zone);
    }

    public ServerService servers() {
        return new ServerService(this);
    }

    public SourceService sources() {
        return new SourceService(this);
    }

    public JobService jobs() {
        return new JobService(this);
    }

    public VaultService vaults() {
        return new VaultService(this);
    }

    public RunService runs() {
        return new RunService(this);
    }

    public NotifierService notifiers() {
        return new NotifierService(this);
    }

    public PointService points() {
        return new PointService(this);
    }

    /** Incidents and holds on restore points. */
    public IncidentService incidents() {
        return new IncidentService(this);
    }

    /** File history across points ({@code mamori find}) and what changed between two points ({@code mamori diff}). */
    public HistoryService history() {
        return new HistoryService(this);
    }

    /** The configuration as a YAML file ({@code mamori config export|import}). */
    public ConfigService config() {
        return new ConfigService(this);
    }

    /** The disaster-recovery runbook, generated from the catalogue. */
    public RunbookService runbook() {
        return new RunbookService(this);
    }

    /** Object vaults and offsite copies of points. */
    public OffsiteService offsite() {
        return new OffsiteService(this);
    }

    public ActivityService activity() {
        return new ActivityService(this);
    }

    @Override
    public synchronized void close() {
        if (secrets != null) {
            secrets.close();
            secrets = null;
        }
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
    }
}
