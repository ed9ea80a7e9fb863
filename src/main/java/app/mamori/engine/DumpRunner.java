package app.mamori.engine;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.source.DockerVolumeDriver;
import app.mamori.source.DumpCommand;
import app.mamori.source.DumpDriver;
import app.mamori.source.MysqlDriver;
import app.mamori.source.PostgresDriver;
import app.mamori.source.SourceException;
import app.mamori.source.SqliteDriver;
import app.mamori.source.TableCounts;
import app.mamori.source.ToolCheck;
import app.mamori.ssh.Exec;
import app.mamori.ssh.StalledException;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import app.mamori.vault.ArtifactOutput;
import app.mamori.vault.Manifest;
import app.mamori.vault.PointWriter;
import app.mamori.vault.StoredFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Dumps one database, SQLite file or Docker volume into a local point: check, stream, verify the head, finish. */
final class DumpRunner {
    private static final long PROGRESS_INTERVAL = 250_000_000L;

    private final Clock clock;
    /** How long the dump may send nothing before it is stopped as stalled. */
    private final Duration stall;

    DumpRunner(Clock clock, Duration stall) {
        this.clock = clock;
        this.stall = stall;
    }

    /** A checked source and its dump command. */
    record Prepared(ToolCheck tools, DumpCommand command, Function<ExecResult, String> explain,
                    Function<ExecResult, Optional<Note>> reason) {
        /** The failure for the admin: with its key where the driver has one. */
        SourceException failure(ExecResult r) {
            return reason.apply(r).map(n -> new SourceException(n, r.stderr()))
                    .orElseGet(() -> new SourceException(explain.apply(r), r.stderr()));
        }
    }

    /** Checks the source's tools on the server and builds its dump command. */
    static Prepared prepare(RemoteShell shell, Source source, Optional<String> secret, BackupListener listener,
                            CancelToken cancel) throws IOException {
        if (source instanceof Source.Database db) {
            DumpDriver<Source.Database> driver = db.kind() == SourceKind.POSTGRES ? new PostgresDriver() : new MysqlDriver();
            return prepare(shell, driver, db, secret, listener, cancel);
        }
        if (source instanceof Source.Sqlite s) {
            return prepare(shell, new SqliteDriver(), s, secret, listener, cancel);
        }
        if (source instanceof Source.DockerVolume v) {
            return prepare(shell, new DockerVolumeDriver(), v, secret, listener, cancel);
        }
        throw new IllegalArgumentException("file trees are snapshotted, not dumped: " + source.name());
    }

    private static <S extends Source> Prepared prepare(RemoteShell shell, DumpDriver<S> driver, S source,
                                                       Optional<String> secret, BackupListener listener,
                                                       CancelToken cancel) throws IOException {
        ToolCheck tools = driver.check(shell, source, secret);
        tools.warnings().forEach(w -> listener.note(Note.of("toolWarning", "warning: " + w, w)));
        cancel.throwIfCancelled();
        return new Prepared(tools, driver.dump(source, tools, secret), r -> driver.explainFailure(source, r),
                r -> driver.reason(source, r));
    }

    Manifest.Entry run(RemoteShell shell, Source source, Optional<String> secret, PointWriter point,
                       BackupPlan.Step step, long expectedBytes, BackupListener listener, CancelToken cancel)
            throws IOException {
        Instant started = clock.instant();
        Prepared p = prepare(shell, source, secret, listener, cancel);
        DumpCommand cmd = p.command();
        listener.log(source.name() + ": " + cmd.command());
        long t0 = System.nanoTime();
        try (ArtifactOutput out = point.create(cmd.artifactName(), cmd.compress())) {
            TailCapture tail = new TailCapture(out);
            HeadCapture head = new HeadCapture(tail);
            ProgressOutputStream progress = new ProgressOutputStream(head, PROGRESS_INTERVAL,
                    n -> listener.progress(step, n, expectedBytes, System.nanoTime() - t0));
            Exec.Builder exec = Exec.of(cmd.command()).stdout(progress).cancel(cancel).idleTimeout(stall);
            if (cmd.stdinSecret() != null) {
                exec.stdin(new ByteArrayInputStream((cmd.stdinSecret() + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            ExecResult r;
            try {
                r = shell.exec(exec.build());
            } catch (StalledException e) {
                throw new SourceException(Note.of("stalled", e.getMessage(), e.silenceText(), e.bytesBefore()), "");
            }
            if (!cmd.okExitCodes().contains(r.exitStatus())) {
                throw p.failure(r);
            }
            if (r.stdoutBytes() != out.rawCount()) {
                throw new SourceException("the stream of " + source.name() + " was cut short: received "
                        + out.rawCount() + " of " + r.stdoutBytes() + " bytes", r.stderr());
            }
            String problem = HeadCheck.problem(cmd.artifactName(), head.head());
            if (problem == null) {
                problem = HeadCheck.incomplete(cmd.artifactName(), head.head(), tail.tail(), out.rawCount());
            }
            if (problem != null) {
                throw new SourceException(source.name() + " on server " + source.server() + ": " + problem
                        + " (the tool exited " + r.exitStatus() + ")", r.stderr());
            }
            String stderr = TableCounts.withoutCounts(r.stderr());
            if (!stderr.isBlank()) {
                listener.note(Note.of("stderr", source.name() + " stderr: " + stderr.strip(), source.name(), stderr.strip()));
            }
            listener.progress(step, out.rawCount(), expectedBytes, System.nanoTime() - t0);
            StoredFile f = out.finish();
            Map<String, Object> tables = BackupTables.count(shell, source, secret, p.tools(), r, listener, cancel);
            return entry(source, p.tools(), cmd, f.name(), f.compression(), f.size(), f.rawSize(), f.sha256(), r,
                    started, clock.instant(), t0, tables);
        }
    }

    static Manifest.Entry entry(Source source, ToolCheck tools, DumpCommand cmd, String artifact, String compression,
                                long size, long rawSize, String sha256, ExecResult r, Instant started, Instant finished,
                                long t0, Map<String, Object> tables) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        stats.putAll(tables);
        if (r.exitStatus() != 0) {
            stats.put("warning", "exit status " + r.exitStatus() + ": " + r.lastStderrLine());
        }
        return new Manifest.Entry(source.name(), source.kind().id(), SourceSettings.of(source), artifact,
                compression, size, rawSize, sha256, tools.version(), cmd.command(), started, finished, stats);
    }
}
