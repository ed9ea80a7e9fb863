package app.mamori.engine;

import app.mamori.model.Source;
import app.mamori.source.DockerVolumeDriver;
import app.mamori.source.DumpCommand;
import app.mamori.source.DumpDriver;
import app.mamori.source.MysqlDriver;
import app.mamori.source.PostgresDriver;
import app.mamori.source.SourceException;
import app.mamori.source.SqliteDriver;
import app.mamori.source.ToolCheck;
import app.mamori.ssh.Exec;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Dumps one database, SQLite file or Docker volume into a point: check, stream, verify the head, finish. */
final class DumpRunner {
    private static final long PROGRESS_INTERVAL = 250_000_000L;

    private final Clock clock;

    DumpRunner(Clock clock) {
        this.clock = clock;
    }

    Manifest.Entry run(RemoteShell shell, Source source, Optional<String> secret, PointWriter point,
                       BackupPlan.Step step, long expectedBytes, BackupListener listener, CancelToken cancel)
            throws IOException {
        if (source instanceof Source.Database db) {
            DumpDriver<Source.Database> driver = db.kind() == app.mamori.model.SourceKind.POSTGRES
                    ? new PostgresDriver() : new MysqlDriver();
            return dump(shell, driver, db, secret, point, step, expectedBytes, listener, cancel);
        }
        if (source instanceof Source.Sqlite s) {
            return dump(shell, new SqliteDriver(), s, secret, point, step, expectedBytes, listener, cancel);
        }
        if (source instanceof Source.DockerVolume v) {
            return dump(shell, new DockerVolumeDriver(), v, secret, point, step, expectedBytes, listener, cancel);
        }
        throw new IllegalArgumentException("file trees are snapshotted, not dumped: " + source.name());
    }

    private <S extends Source> Manifest.Entry dump(RemoteShell shell, DumpDriver<S> driver, S source,
                                                   Optional<String> secret, PointWriter point, BackupPlan.Step step,
                                                   long expectedBytes, BackupListener listener, CancelToken cancel)
            throws IOException {
        Instant started = clock.instant();
        ToolCheck tools = driver.check(shell, source, secret);
        tools.warnings().forEach(w -> listener.log("warning: " + w));
        cancel.throwIfCancelled();
        DumpCommand cmd = driver.dump(source, tools, secret);
        listener.log(source.name() + ": " + cmd.command());
        long t0 = System.nanoTime();
        try (ArtifactOutput out = point.create(cmd.artifactName(), cmd.compress())) {
            HeadCapture head = new HeadCapture(out);
            ProgressOutputStream progress = new ProgressOutputStream(head, PROGRESS_INTERVAL,
                    n -> listener.progress(step, n, expectedBytes, System.nanoTime() - t0));
            Exec.Builder exec = Exec.of(cmd.command()).stdout(progress).cancel(cancel);
            if (cmd.stdinSecret() != null) {
                exec.stdin(new ByteArrayInputStream((cmd.stdinSecret() + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            ExecResult r = shell.exec(exec.build());
            if (!cmd.okExitCodes().contains(r.exitStatus())) {
                throw new SourceException(driver.explainFailure(source, r), r.stderr());
            }
            if (r.stdoutBytes() != out.rawCount()) {
                throw new SourceException("the stream of " + source.name() + " was cut short: received "
                        + out.rawCount() + " of " + r.stdoutBytes() + " bytes", r.stderr());
            }
            String problem = HeadCheck.problem(cmd.artifactName(), head.head());
            if (problem != null) {
                throw new SourceException(source.name() + " on server " + source.server() + ": " + problem
                        + " (the tool exited " + r.exitStatus() + ")", r.stderr());
            }
            if (!r.stderr().isBlank()) {
                listener.log(source.name() + " stderr: " + r.stderr().strip());
            }
            listener.progress(step, out.rawCount(), expectedBytes, System.nanoTime() - t0);
            StoredFile f = out.finish();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            if (r.exitStatus() != 0) {
                stats.put("warning", "exit status " + r.exitStatus() + ": " + r.lastStderrLine());
            }
            return new Manifest.Entry(source.name(), source.kind().id(), SourceSettings.of(source), f.name(),
                    f.compression(), f.size(), f.rawSize(), f.sha256(), tools.version(), cmd.command(),
                    started, clock.instant(), stats);
        }
    }
}
