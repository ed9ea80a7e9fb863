package app.mamori.engine;

import app.mamori.model.Source;
import app.mamori.source.DumpCommand;
import app.mamori.source.SourceException;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteCommandException;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.util.CancelToken;
import app.mamori.vault.Json;
import app.mamori.vault.LocalVault;
import app.mamori.vault.TempPointOwner;
import app.mamori.vault.Manifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A point in a vault on the server itself (a backup disk mounted there): dumps are written
 * to the vault by the remote command, never crossing the network; file trees are copied by
 * rsync on that host with {@code --link-dest}. The same guarantees as a local vault: temp
 * folder, fsync, manifest last, rename.
 */
final class RemotePointTarget implements PointTarget {
    private static final System.Logger LOG = System.getLogger(RemotePointTarget.class.getName());

    private final RemoteShell shell;
    private final String root;
    private final String jobDir;
    private final String id;
    private final String temp;
    private final RemoteTreeRunner trees;
    private boolean committed;

    private RemotePointTarget(RemoteShell shell, String root, String jobDir, String id, String temp) {
        this.shell = shell;
        this.root = root;
        this.jobDir = jobDir;
        this.id = id;
        this.temp = temp;
        this.trees = new RemoteTreeRunner(shell, jobDir, temp);
    }

    /** As {@code LocalVault.begin}: the id is the start time, with a suffix from {@code from} on (1 is none). */
    static RemotePointTarget begin(RemoteShell shell, BackupPlan plan, Instant started, int from,
                                   BackupListener listener) throws IOException {
        String root = stripSlash(plan.vault().path());
        String jobDir = root + "/" + plan.server().name() + "/" + plan.job().name();
        removeStaleTemps(shell, jobDir, listener);
        TempPointOwner owner = TempPointOwner.current();
        long pid = owner.pid();
        String base = LocalVault.POINT_ID.format(started);
        // names are [A-Za-z0-9._-] (see model.Names), so $id needs no quoting beyond the job folder's
        String script = "umask 077; j=" + ShellQuote.quote(jobDir) + "; mkdir -p \"$j\" || exit 1; "
                + "n=" + from + "; id=" + base + (from > 1 ? "-" + from : "") + "; while [ -e \"$j/$id\" ] || ! mkdir \"$j/.tmp-$id." + pid + "\" 2>/dev/null; do "
                + "n=$((n+1)); [ $n -gt 100 ] && exit 1; id=" + base + "-$n; done; "
                + "m=\"$j/.tmp-$id." + pid + "/" + TempPointOwner.FILE_NAME + "\"; printf '%s' "
                + ShellQuote.quote(owner.format()) + " > \"$m.part\" && mv \"$m.part\" \"$m\" || exit 1; echo \"$id\"";
        String id = run(shell, script, "cannot create a folder in vault " + plan.vault().name() + " at "
                + jobDir + " on server " + plan.server().name()).strip();
        return new RemotePointTarget(shell, root, jobDir, id, jobDir + "/.tmp-" + id + "." + pid);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Manifest.Entry backUp(BackupPlan.Step step, Optional<String> secret, long expectedBytes,
                                 BackupListener listener, CancelToken cancel) throws IOException {
        if (step.source() instanceof Source.Files files) {
            return trees.run(files, step, listener, cancel);
        }
        if (step.source() instanceof Source.Bucket) {
            throw new SourceException("a bucket source is snapshotted on this computer, so its job needs a vault on"
                    + " this computer (a folder or a NAS mount), not one on a server", "");
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        DumpRunner.Prepared p = DumpRunner.prepare(shell, step.source(), secret, listener, cancel);
        DumpCommand cmd = p.command();
        String part = temp + "/" + cmd.artifactName() + ".part";
        String finalName = temp + "/" + cmd.artifactName();
        listener.log(step.source().name() + ": (" + cmd.command() + ") > " + part);
        Exec.Builder exec = Exec.of("umask 077; ( " + cmd.command() + " ) > " + ShellQuote.quote(part)).cancel(cancel);
        if (cmd.stdinSecret() != null) {
            exec.stdin(new ByteArrayInputStream((cmd.stdinSecret() + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        ExecResult r = shell.exec(exec.build());
        if (!cmd.okExitCodes().contains(r.exitStatus())) {
            throw p.failure(r);
        }
        String finish = "set -e; f=" + ShellQuote.quote(part) + "; o=" + ShellQuote.quote(finalName) + "; "
                + "raw=$(stat -c %s \"$f\"); head=$(od -An -v -tx1 -N" + HeadCheck.SIZE + " \"$f\" | tr -d ' \\n'); "
                + (cmd.compress()
                    ? "command -v zstd >/dev/null || { echo 'zstd is not installed' >&2; exit 127; }; zstd -q -3 --rm -o \"$o\" \"$f\"; "
                    : "mv \"$f\" \"$o\"; ")
                + "sync \"$o\"; printf '%s\\n%s\\n%s\\n' \"$raw\" \"$(stat -c %s \"$o\")\" \"$head\"; sha256sum \"$o\"";
        String[] out = run(shell, finish, "cannot finish " + cmd.artifactName() + " in the vault on server "
                + step.serverName() + " (install zstd there if it is missing)").split("\n");
        long rawSize = Long.parseLong(out[0].strip());
        long size = Long.parseLong(out[1].strip());
        byte[] head = out[2].isBlank() ? new byte[0] : HexFormat.of().parseHex(out[2].strip());
        String sha = out[3].strip().split("\\s+")[0];
        String problem = HeadCheck.problem(cmd.artifactName(), head);
        if (problem == null) {
            problem = HeadCheck.incomplete(cmd.artifactName(), head, rawSize);
        }
        if (problem != null) {
            throw new SourceException(step.source().name() + " on server " + step.serverName() + ": " + problem
                    + " (the tool exited " + r.exitStatus() + ")", r.stderr());
        }
        listener.progress(step, rawSize, expectedBytes, System.nanoTime() - t0);
        Map<String, Object> tables = BackupTables.count(shell, step.source(), secret, p.tools(), r, listener, cancel);
        return DumpRunner.entry(step.source(), p.tools(), cmd, cmd.artifactName(), cmd.compress() ? "zstd" : "none",
                size, rawSize, sha, r, started, Instant.now(), t0, tables);
    }

    @Override
    public String commit(Manifest manifest) throws IOException {
        String file = temp + "/" + Manifest.FILE_NAME;
        ExecResult r = shell.exec(Exec.of("umask 077; cat > " + ShellQuote.quote(file) + " && sync " + ShellQuote.quote(file))
                .stdin(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(manifest))).build());
        if (!r.ok()) {
            throw new IOException("cannot write the manifest in the vault: " + r.lastStderrLine());
        }
        String target = jobDir + "/" + id;
        run(shell, "set -e; rm -f " + ShellQuote.quote(temp + "/" + TempPointOwner.FILE_NAME) + "; sync " + ShellQuote.quote(temp) + "; mv -T " + ShellQuote.quote(temp) + " "
                + ShellQuote.quote(target) + "; sync " + ShellQuote.quote(jobDir),
                "cannot move the finished point into place at " + target);
        committed = true;
        return target.substring(root.length() + 1);
    }

    @Override
    public Path snapshotIndex(Source source) {
        return trees.localIndex(source);
    }

    @Override
    public void close() {
        trees.deleteLocalCopies();
        if (!committed) {
            try {
                run(shell, "rm -rf " + ShellQuote.quote(temp), "cannot remove " + temp);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "unfinished point " + temp + " left on the vault's server;"
                        + " the next backup of this job removes it", e);
            }
        }
    }

    /**
     * Removes the job's temp point folders whose writer is provably gone, judged by the marker
     * inside each ({@link TempPointOwner}); folders without one are not Mamori's and stay.
     */
    private static void removeStaleTemps(RemoteShell shell, String jobDir, BackupListener listener) throws IOException {
        // one line per temp folder: its name, a tab, its marker's lines joined by '|' (empty without one)
        String list = run(shell, "cd " + ShellQuote.quote(jobDir) + " 2>/dev/null || exit 0; "
                + "for d in .tmp-*; do [ -d \"$d\" ] && [ ! -L \"$d\" ] || continue; m=\"$d/" + TempPointOwner.FILE_NAME
                + "\"; printf '%s\\t' \"$d\"; [ -f \"$m\" ] && [ ! -L \"$m\" ] && head -c 4096 \"$m\" | tr '\\n' '|'; echo; done",
                "cannot list " + jobDir);
        List<String> stale = new ArrayList<>();
        Instant now = Instant.now();
        for (String line : list.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0 || !TempPointOwner.isTempName(line.substring(0, tab))) {
                continue;
            }
            String name = line.substring(0, tab);
            String folder = jobDir + "/" + name;
            Optional<TempPointOwner> owner = TempPointOwner.parse(line.substring(tab + 1).replace('|', '\n'));
            if (owner.isEmpty()) {
                listener.log("left " + folder + " alone: it holds no " + TempPointOwner.FILE_NAME + " marker, so"
                        + " Mamori cannot tell who is writing it; delete it by hand if no backup is running");
                continue;
            }
            TempPointOwner.Verdict verdict = owner.get().judge(folder, now);
            if (verdict.remove()) {
                stale.add(ShellQuote.quote(folder));
            }
            listener.log(verdict.why());
        }
        if (!stale.isEmpty()) {
            run(shell, "rm -rf -- " + String.join(" ", stale), "cannot remove unfinished points in " + jobDir);
        }
    }

    static String run(RemoteShell shell, String script, String whatFailed) throws IOException {
        var out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of(script).stdout(out).build());
        if (!r.ok()) {
            throw new IOException(whatFailed + ": " + (r.stderr().isBlank() ? "exit " + r.exitStatus() : r.lastStderrLine()),
                    new RemoteCommandException(script, r));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
