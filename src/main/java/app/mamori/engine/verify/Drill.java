package app.mamori.engine.verify;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.source.RestoreCommand;
import app.mamori.source.TableCounts;
import app.mamori.source.files.HostTreeFetch;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.util.CancelToken;
import app.mamori.vault.Json;
import app.mamori.vault.Manifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A restore drill: restore the artifact into a scratch database or temp file on the source's
 * server, time it, count its tables and compare them with the backup's, then remove the scratch
 * target whatever happened (its name carries this verification's nonce, so it is never anyone else's).
 */
final class Drill {
    private static final System.Logger LOG = System.getLogger(Drill.class.getName());

    private Drill() {
    }

    static Outcome run(VerifyPlan.Item item, RemoteShell shell, Optional<String> secret, CancelToken cancel)
            throws IOException {
        Manifest.Entry entry = entry(item, shell, cancel);
        Source source = item.source().orElseThrow();
        String scratch = item.scratch().orElseThrow();
        DrillSteps steps = DrillSteps.of(source, scratch, entry == null ? null : entry.command());
        if (item.vault().isRemote()) {
            steps = source instanceof Source.Files ? OnServerVault.treeDrill(source, scratch, item.file())
                    : OnServerVault.drill(steps, item.file(), item.artifact());
        }
        Drilled drilled;
        try {
            drilled = restoreAndCompare(item, steps, shell, secret, scratch, entry, cancel);
        } catch (IOException | RuntimeException e) {
            Optional<Note> left = remove(steps, shell, secret, scratch);
            if (left.isPresent() && !(e instanceof CancelToken.CancelledException)) {
                throw new IOException(e.getMessage() + "; and " + left.get().english(), e);
            }
            left.ifPresent(l -> LOG.log(System.Logger.Level.ERROR, l.english()));
            throw e;
        }
        Outcome outcome = drilled.outcome();
        if (!drilled.scratchCreated()) {
            return outcome; // no scratch database exists: nothing to remove, no DROP to print
        }
        Optional<Note> left = remove(steps, shell, secret, scratch);
        // a scratch left behind is the admin's chore, not evidence against the artifact
        return left.isEmpty() ? outcome : outcome.withWarning(left.get());
    }

    /** @param scratchCreated false only when creating the scratch database failed: there is nothing to remove */
    private record Drilled(Outcome outcome, boolean scratchCreated) {
    }

    private static Drilled restoreAndCompare(VerifyPlan.Item item, DrillSteps steps, RemoteShell shell,
                                             Optional<String> secret, String scratch, Manifest.Entry entry,
                                             CancelToken cancel) throws IOException {
        String server = item.server().map(s -> s.name()).orElse("?");
        long t0 = System.nanoTime();
        List<RestoreCommand> restore = steps.restore();
        if (steps.createsScratchFirst()) {
            // creating the empty scratch database reads nothing of the artifact: its failure (often a
            // user without CREATEDB) says nothing about the backup
            RestoreCommand create = restore.get(0);
            ExecResult r = exec(shell, create.command(), create.secretOnStdin() ? secret : Optional.empty(), null,
                    cancel, null);
            if (!r.ok()) {
                return new Drilled(Outcome.couldNotRun(Note.of("drillNoScratch", "drill: could not create the"
                        + " scratch database " + scratch + " on server " + server + " (exit " + r.exitStatus() + "): "
                        + r.lastStderrLine() + "; let the database user create databases, or check this point without"
                        + " --drill", scratch, server, r.exitStatus(), r.lastStderrLine())), false);
            }
            restore = restore.subList(1, restore.size());
        }
        return new Drilled(restoreAndCompare(item, steps, restore, shell, secret, scratch, entry, cancel, server, t0),
                true);
    }

    private static Outcome restoreAndCompare(VerifyPlan.Item item, DrillSteps steps, List<RestoreCommand> restore,
                                             RemoteShell shell, Optional<String> secret, String scratch,
                                             Manifest.Entry entry, CancelToken cancel, String server, long t0)
            throws IOException {
        for (RestoreCommand c : restore) {
            cancel.throwIfCancelled();
            ExecResult r = exec(shell, c.command(), c.secretOnStdin() ? secret : Optional.empty(),
                    c.artifactOnStdin() ? item : null, cancel, null);
            if (!r.ok() && TargetGone.said(r.stderr())) {
                return Outcome.couldNotRun(Note.of("drillServerGone", "drill: the database server on server " + server
                        + " went away while " + c.purpose() + " ran (exit " + r.exitStatus() + "): "
                        + r.lastStderrLine() + "; this says nothing against the backup: drill it again once the server"
                        + " is back", withPurpose(c, server, c.purpose(), r.exitStatus(), r.lastStderrLine())));
            }
            if (!r.ok()) {
                return Outcome.failed(stepFailed(c, server, item.file(), r.exitStatus(), r.lastStderrLine()));
            }
        }
        Duration recovery = Duration.ofNanos(System.nanoTime() - t0);
        var out = new ByteArrayOutputStream();
        ExecResult r = exec(shell, steps.count(), steps.countSecret() ? secret : Optional.empty(), null, cancel, out);
        if (!r.ok()) {
            String took = TableComparison.seconds(recovery);
            return new Outcome(false, Note.of("drillCountCouldNotRun", "drill: restored into " + scratch
                    + " on server " + server + " in " + took + ", but counting its tables could not run (exit "
                    + r.exitStatus() + "): " + r.lastStderrLine(), scratch, server, took, r.exitStatus(),
                    r.lastStderrLine()), List.of(), Optional.of(recovery), true);
        }
        if (item.source().get() instanceof Source.Files) {
            SnapshotIndex index = item.vault().isRemote() ? remoteIndex(item, shell, cancel)
                    : SnapshotIndex.read(Path.of(item.file()));
            return TreeComparison.compare(index, out.toByteArray(), new TreeComparison.Scratch(false, scratch, server),
                    recovery);
        }
        if (item.source().get() instanceof Source.DockerVolume) {
            return TreeComparison.compareWithArchive(Path.of(item.file()), ArtifactStreams.zstd(item), out.toByteArray(),
                    new TreeComparison.Scratch(true, scratch, server), recovery);
        }
        Map<String, Long> restored = TableCounts.parse(out.toString(StandardCharsets.UTF_8));
        return TableComparison.compare(entry == null ? null : entry.stats(), restored, scratch, server, recovery);
    }

    /** A restore step of the drill failed: evidence against the artifact. */
    static Note stepFailed(RestoreCommand c, String server, String file, int exit, String stderr) {
        return Note.of("drillStepFailed", "drill: " + c.purpose() + " on server " + server + " failed for " + file
                + " (exit " + exit + "): " + stderr, withPurpose(c, c.purpose(), server, file, exit, stderr));
    }

    /** The sentence's own arguments, then the step's purpose as its key and arguments (see ui.fx.CheckWords). */
    private static Object[] withPurpose(RestoreCommand c, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(c.said().key());
        all.addAll(c.said().args());
        return all.toArray();
    }

    /** Removes the scratch target, never cancelled; returns what is left behind when that failed. */
    private static Optional<Note> remove(DrillSteps steps, RemoteShell shell, Optional<String> secret, String scratch) {
        try {
            ExecResult r = exec(shell, steps.remove(), steps.countSecret() ? secret : Optional.empty(), null,
                    CancelToken.none(), null);
            if (r.ok()) {
                return Optional.empty();
            }
            return Optional.of(Note.of("drillScratchLeft", "the drill's scratch " + scratch + " could not be removed"
                    + " (exit " + r.exitStatus() + ": " + r.lastStderrLine() + "); remove it by hand: " + steps.remove(),
                    scratch, r.exitStatus(), r.lastStderrLine(), steps.remove()));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "drill cleanup of " + scratch + " failed", e);
            return Optional.of(Note.of("drillScratchNotRemoved", "the drill's scratch " + scratch + " could not be"
                    + " removed (" + e.getMessage() + "); remove it by hand: " + steps.remove(), scratch,
                    e.getMessage(), steps.remove()));
        }
    }

    private static ExecResult exec(RemoteShell shell, String command, Optional<String> secret, VerifyPlan.Item artifact,
                                   CancelToken cancel, ByteArrayOutputStream stdout) throws IOException {
        List<InputStream> parts = new ArrayList<>();
        secret.ifPresent(s -> parts.add(new ByteArrayInputStream((s + "\n").getBytes(StandardCharsets.UTF_8))));
        InputStream in = null;
        if (artifact != null) {
            in = artifact.artifact().kind() == app.mamori.model.SourceKind.FILES
                    ? app.mamori.source.files.TreeTar.pipe(Path.of(artifact.file()), p -> true, w -> {
                    })
                    : ArtifactStreams.decoded(Path.of(artifact.file()), ArtifactStreams.zstd(artifact));
            parts.add(in);
        }
        try {
            Exec.Builder b = Exec.of(command).cancel(cancel).stdout(stdout);
            if (!parts.isEmpty()) {
                b.stdin(new SequenceInputStream(Collections.enumeration(parts)));
            }
            return shell.exec(b.build());
        } finally {
            if (in != null) {
                in.close();
            }
        }
    }

    /** A snapshot's index read from the vault on the server, checked against the SHA-256 the point recorded. */
    private static SnapshotIndex remoteIndex(VerifyPlan.Item item, RemoteShell shell, CancelToken cancel)
            throws IOException {
        Path local = java.nio.file.Files.createTempFile("mamori-drill-index-", ".jsonl.zst");
        try {
            return HostTreeFetch.readIndex(shell, item.file(), item.artifact().sha256(), local, cancel);
        } finally {
            java.nio.file.Files.deleteIfExists(local);
        }
    }

    /** The point's manifest entry for the artifact: read here, or on the server for a vault there. */
    private static Manifest.Entry entry(VerifyPlan.Item item, RemoteShell shell, CancelToken cancel) throws IOException {
        Manifest m;
        if (item.vault().isRemote()) {
            String file = item.file().substring(0, item.file().length() - item.artifact().path().length())
                    + Manifest.FILE_NAME;
            var out = new ByteArrayOutputStream();
            ExecResult r = shell.exec(Exec.of(ShellQuote.command("cat", "--", file)).stdout(out).cancel(cancel).build());
            if (!r.ok()) {
                throw new IOException("cannot read " + file + " on server " + item.vault().server().get() + ": "
                        + r.lastStderrLine());
            }
            m = Json.mapper().readValue(out.toByteArray(), Manifest.class);
        } else {
            m = Json.mapper().readValue(VerifyPlanner.manifestFile(item).toFile(), Manifest.class);
        }
        return m.sources().stream().filter(e -> e.name().equals(item.artifact().source())).findFirst().orElse(null);
    }
}
