package app.mamori.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.sqlite.SQLiteConfig;

/**
 * The local catalogue in one SQLite file. Safe to share between the desktop app and the engine's
 * threads; every method either completes in one transaction or changes nothing.
 */
public final class Catalog implements AutoCloseable {

    /** Long enough to wait out another process's transaction (the CLI beside the app), short enough to report a stuck one. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final CatalogConnection db;
    private final ServerStore servers;
    private final SourceStore sources;
    private final VaultStore vaults;
    private final JobStore jobs;
    private final RunStore runs;
    private final PointStore points;
    private final FileIndex fileIndex;
    private final EventLog events;
    private final NotifierStore notifiers;
    private final ScheduleStore schedules;
    private final RetentionStore retention;
    private final VerificationStore verifications;
    private final TimelineQueries timeline;
    private final HoldStore holds;
    private final IncidentStore incidents;
    private final HistoryQueries history;
    private final ObjectiveStore objectives;
    private final StallStore stalls;
    private final RestoreStore restores;
    private final RunbookStore runbook;
    private final DrillScheduleStore drills;
    private final CopyStore copies;
    private final PauseStore pauses;
    private final SourceHistory sourceHistory;

    private Catalog(CatalogConnection db, Clock clock) {
        this.db = db;
        this.servers = new ServerStore(db, clock);
        this.sources = new SourceStore(db, clock);
        this.vaults = new VaultStore(db, clock);
        this.jobs = new JobStore(db, clock);
        this.runs = new RunStore(db, clock);
        this.points = new PointStore(db);
        this.fileIndex = new FileIndex(db);
        this.events = new EventLog(db);
        this.notifiers = new NotifierStore(db, clock);
        this.schedules = new ScheduleStore(db, clock);
        this.retention = new RetentionStore(db);
        this.verifications = new VerificationStore(db);
        this.timeline = new TimelineQueries(db);
        this.holds = new HoldStore(db, clock);
        this.incidents = new IncidentStore(db, clock);
        this.history = new HistoryQueries(db);
        this.objectives = new ObjectiveStore(db, clock);
        this.stalls = new StallStore(db);
        this.restores = new RestoreStore(db, clock);
        this.runbook = new RunbookStore(db);
        this.drills = new DrillScheduleStore(db, clock);
        this.copies = new CopyStore(db, clock);
        this.pauses = new PauseStore(db, clock);
        this.sourceHistory = new SourceHistory(db);
    }

    /** Opens (creating if needed) the catalogue at {@code file} and brings its schema up to date. */
    public static Catalog open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps creation, run start and run end times. */
    public static Catalog open(Path file, Clock clock) {
        return open(file, clock, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #open(Path, Clock)}, the connection wrapped by {@code wrap}: a test sees every statement. */
    static Catalog open(Path file, Clock clock, java.util.function.UnaryOperator<Connection> wrap) {
        CatalogConnection db = connect(file, wrap);
        try {
            Migrations.apply(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new Catalog(db, clock);
    }

    private static CatalogConnection connect(Path file, java.util.function.UnaryOperator<Connection> wrap) {
        SqliteLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers (the dashboard) never block the writer (a running backup) and vice versa,
        // and a crash mid-write leaves the previous committed state intact.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL under WAL never corrupts the file; a power cut may lose the last few commits,
        // which the vault's manifests can restore (rebuild), while FULL would fsync on every
        // event and run update and make the engine wait on the disk.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // IMMEDIATE takes the write lock at BEGIN, so a transaction that reads then writes cannot
        // fail with SQLITE_BUSY halfway when another process wrote in between.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = openWaiting(config, file);
            return new CatalogConnection(file, wrap.apply(connection));
        } catch (IOException | SQLException e) {
            throw new CatalogException("cannot open the catalogue " + file + ": " + e.getMessage()
                    + ". Check that the folder exists and is writable.", e);
        }
    }

    /**
     * Switching a new file to WAL takes an exclusive lock, and SQLite answers SQLITE_BUSY at once,
     * without calling its busy handler, to the second of two processes doing it at the same moment
     * (two commands started together on a fresh data folder: ConcurrentUseTest saw it in CI). So
     * opening is tried again, as long as the busy timeout, like any other busy write.
     */
    private static Connection openWaiting(SQLiteConfig config, Path file) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(BUSY_TIMEOUT_MILLIS);
        while (true) {
            try {
                return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            } catch (org.sqlite.SQLiteException e) {
                if ((e.getResultCode().code & 0xff) != org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public ServerStore servers() {
        return servers;
    }

    public SourceStore sources() {
        return sources;
    }

    public VaultStore vaults() {
        return vaults;
    }

    public JobStore jobs() {
        return jobs;
    }

    public RunStore runs() {
        return runs;
    }

    public PointStore points() {
        return points;
    }

    public FileIndex fileIndex() {
        return fileIndex;
    }

    public EventLog events() {
        return events;
    }

    public NotifierStore notifiers() {
        return notifiers;
    }

    public ScheduleStore schedules() {
        return schedules;
    }

    public RetentionStore retention() {
        return retention;
    }

    public VerificationStore verifications() {
        return verifications;
    }

    /**
     * A number that changes whenever the catalogue changes, whoever changed it: SQLite's
     * {@code data_version} moves on another connection's commit (the CLI, the OS timer's
     * run-due, another window), {@code total_changes()} on this connection's own writes.
     * One cheap query, so a window can ask every second or two.
     */
    public long changeStamp() {
        return db.autocommit(c -> {
            try (var st = c.createStatement();
                 var rs = st.executeQuery("SELECT (SELECT data_version FROM pragma_data_version), total_changes()")) {
                rs.next();
                return (rs.getLong(1) << 32) ^ rs.getLong(2);
            }
        });
    }

    public TimelineQueries timeline() {
        return timeline;
    }

    /** One source's points a page or a step at a time: the restore wizard's list and its choice. */
    public SourceHistory sourceHistory() {
        return sourceHistory;
    }

    /** Holds on restore points, made by hand or by incidents. */
    public HoldStore holds() {
        return holds;
    }

    public IncidentStore incidents() {
        return incidents;
    }

    /** A file's versions across points, and what changed between two points, from the file index. */
    /** Object vaults and the offsite copies of points. */
    public CopyStore copies() {
        return copies;
    }

    public HistoryQueries history() {
        return history;
    }

    /** Restores under way, to find one cut off at the next start. */
    public RestoreStore restores() {
        return restores;
    }

    /** How long each job's dumps may send nothing before they are stopped. */
    public StallStore stalls() {
        return stalls;
    }

    /** Recovery objectives of jobs. */
    public ObjectiveStore objectives() {
        return objectives;
    }

    /** Jobs the admin paused: skipped by every scheduler until resumed. */
    public PauseStore pauses() {
        return pauses;
    }

    /** Restore drills on a schedule. */
    public DrillScheduleStore drills() {
        return drills;
    }

    /** Contacts and restore order, for the runbook. */
    public RunbookStore runbook() {
        return runbook;
    }

    /** The schema version of the open file, as kept in {@code PRAGMA user_version}. */
    public int schemaVersion() {
        return db.autocommit(Migrations::userVersion);
    }

    /** For this package's tests, which check what the public API cannot show, such as pragmas. */
    CatalogConnection connection() {
        return db;
    }

    /** For tests in this package: the connection itself. */
    CatalogConnection db() {
        return db;
    }

    public Path file() {
        return db.file();
    }

    @Override
    public void close() {
        db.close();
    }
}
