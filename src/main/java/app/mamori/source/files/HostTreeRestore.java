package app.mamori.source.files;

import app.mamori.source.RestoreCommand;
import app.mamori.ssh.ShellQuote;

import java.util.List;

/**
 * Restores of a {@code files} snapshot kept in a vault on the same server ({@link HostSnapshotter}'s
 * layout: each root under {@code SNAPSHOT/tree/ROOT}): rsync copies each root back on the server
 * itself, so nothing crosses the network. Only the roots are copied, never the folders above
 * them in {@code tree/} (which the vault made 0700): a restore over {@code /var/www/uploads}
 * must not change {@code /var} or {@code /var/www}.
 *
 * <p>Exit 73: the target folder is not empty. Exit 74: the snapshot holds no copy of a root
 * (the source's paths changed since the backup). Other codes are rsync's.
 */
public final class HostTreeRestore {
    private HostTreeRestore() {
    }

    /**
     * Into a new folder {@code dir} (each root under its absolute path, as a restore from a
     * local vault lays it out): built in a temp folder beside it and renamed into place only
     * when every root was copied; refused unless {@code dir} is missing or empty.
     */
    public static RestoreCommand toPath(String snapshotDir, List<String> paths, String dir) {
        String d = ShellQuote.quote(dir);
        String parent = dir.substring(0, Math.max(1, dir.lastIndexOf('/')));
        String template = ShellQuote.quote((parent.endsWith("/") ? parent : parent + "/") + ".mamori-restore.XXXXXX");
        StringBuilder s = new StringBuilder();
        s.append("if test -e ").append(d).append(" && test -n \"$(ls -A -- ").append(d).append(" 2>/dev/null)\"; then")
                .append(" echo \"mamori: not empty: \"").append(d).append(" >&2; exit 73; fi; ");
        s.append(checkRoots(snapshotDir, paths));
        s.append("mkdir -p -- ").append(ShellQuote.quote(parent)).append(" && t=$(mktemp -d ").append(template)
                .append(") || exit 73; ");
        s.append("fail() { s=$?; rm -rf -- \"$t\"; exit $s; }; ");
        for (String root : FileTreeSnapshotter.normalizeRoots(paths)) {
            String below = root.equals("/") ? "" : root;
            s.append("mkdir -p -- \"$t\"").append(ShellQuote.quote(parentOf(below))).append(" && ")
                    .append(rsync(snapshotDir, root, false)).append(" \"$t\"").append(ShellQuote.quote(below + "/"))
                    .append(" || fail; ");
        }
        s.append("chmod --reference=/ \"$t\" 2>/dev/null; { test ! -e ").append(d).append(" || rmdir -- ").append(d)
                .append("; } && mv -T -- \"$t\" ").append(d).append(" || fail");
        return new RestoreCommand("copy the snapshot into a new folder " + dir + " with rsync on the server"
                + " (via a temp folder beside it)", s.toString(), false, false);
    }

    /**
     * Over the live roots: files the snapshot holds are rewritten whatever their size and time
     * ({@code --ignore-times}), files made since are left; each root gets the stored mode,
     * owner and time back.
     */
    public static RestoreCommand inPlace(String snapshotDir, List<String> paths) {
        StringBuilder s = new StringBuilder(checkRoots(snapshotDir, paths));
        for (String root : FileTreeSnapshotter.normalizeRoots(paths)) {
            s.append("mkdir -p -- ").append(ShellQuote.quote(root)).append(" && ").append(rsync(snapshotDir, root, true))
                    .append(' ').append(ShellQuote.quote(root.equals("/") ? "/" : root + "/")).append(" || exit $?; ");
        }
        return new RestoreCommand("copy the snapshot over the live files with rsync on the server", s.toString().strip(),
                false, false);
    }

    /** Every root must be in the snapshot before anything is written. */
    private static String checkRoots(String snapshotDir, List<String> paths) {
        StringBuilder s = new StringBuilder();
        for (String root : FileTreeSnapshotter.normalizeRoots(paths)) {
            String stored = HostCommands.treeOf(snapshotDir, root);
            s.append("test -d ").append(ShellQuote.quote(stored)).append(" || { echo \"mamori: the snapshot holds no")
                    .append(" copy of \"").append(ShellQuote.quote(root)).append(" >&2; exit 74; }; ");
        }
        return s.toString();
    }

    /** {@code rsync -a --numeric-ids [-I] STORED/}, the destination to follow. */
    private static String rsync(String snapshotDir, String root, boolean ignoreTimes) {
        String stored = HostCommands.treeOf(snapshotDir, root) + "/";
        return "LC_ALL=C " + (ignoreTimes ? ShellQuote.command("rsync", "-a", "--numeric-ids", "--ignore-times", stored)
                : ShellQuote.command("rsync", "-a", "--numeric-ids", stored));
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
