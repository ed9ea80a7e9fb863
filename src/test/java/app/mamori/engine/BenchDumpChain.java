package app.mamori.engine;

import app.mamori.source.SourceException;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import app.mamori.vault.ArtifactOutput;
import app.mamori.vault.PointWriter;
import app.mamori.vault.StoredFile;

import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * Test-scope hook for {@code app.mamori.bench.VaultStreamBench}: streams a remote command's stdout
 * into a new artifact of {@code point} through the same chain {@link DumpRunner#run} builds
 * (ArtifactOutput ← HeadCapture ← ProgressOutputStream ← exec stdout), with the same checks
 * (exit status, byte count, {@link HeadCheck}) and the same {@code finish()} (flush, fsync).
 * It lives in this package only because those classes are package-private; it mirrors the
 * stream-and-finish part of {@code DumpRunner.run} line for line, without the driver's tool
 * check and command building, which a benchmark of the data path does not need.
 */
public final class BenchDumpChain {
    /** {@code DumpRunner.PROGRESS_INTERVAL}. */
    private static final long PROGRESS_INTERVAL = 250_000_000L;

    private BenchDumpChain() {
    }

    /** What was stored, and how long streaming and {@code finish()} (flush + fsync) took. */
    public record Result(StoredFile file, long streamNanos, long finishNanos) {
    }

    public static Result dump(RemoteShell shell, String command, PointWriter point, String artifactName,
                                  LongConsumer progress) throws IOException {
        try (ArtifactOutput out = point.create(artifactName, false)) {
            HeadCapture head = new HeadCapture(out);
            ProgressOutputStream stream = new ProgressOutputStream(head, PROGRESS_INTERVAL, progress);
            long t0 = System.nanoTime();
            ExecResult r = shell.exec(Exec.of(command).stdout(stream).cancel(CancelToken.none()).build());
            if (r.exitStatus() != 0) {
                throw new SourceException("bench command failed: exit " + r.exitStatus(), r.stderr());
            }
            if (r.stdoutBytes() != out.rawCount()) {
                throw new SourceException("the stream was cut short: received " + out.rawCount() + " of "
                        + r.stdoutBytes() + " bytes", r.stderr());
            }
            String problem = HeadCheck.problem(artifactName, head.head());
            if (problem != null) {
                throw new SourceException(problem, r.stderr());
            }
            long t1 = System.nanoTime();
            StoredFile f = out.finish();
            return new Result(f, t1 - t0, System.nanoTime() - t1);
        }
    }
}
