package app.mamori.source.files;

import app.mamori.ssh.ShellQuote;

import java.util.ArrayList;
import java.util.List;

/**
 * The remote commands of a snapshot into a vault on the server, built with {@link ShellQuote}
 * only. Kept apart from {@link HostSnapshotter} so they can be read and tested without a server.
 */
final class HostCommands {
    /** Exit status of rsync when some source files vanished during the transfer: a warning, not a failure. */
    static final int RSYNC_VANISHED = 24;

    private HostCommands() {
    }

    /** Where a root is kept under a snapshot folder: {@code DIR/tree/ROOT-without-leading-slash}. */
    static String treeOf(String snapshotDir, String root) {
        String tree = snapshotDir + "/" + SnapshotIndex.TREE;
        return root.equals("/") ? tree : tree + "/" + root.substring(1);
    }

    /**
     * Copies one root with rsync, linking files unchanged since the previous snapshot; the link
     * dest is only given when the previous snapshot has that root (rsync errors out otherwise).
     * {@code --modify-window=-1} makes rsync compare mtimes to the nanosecond: by default it
     * compares whole seconds, so a file rewritten with the same size within the second of the
     * previous snapshot would be linked as unchanged, and a directory or symlink made within
     * the second of its source's mtime would keep the wrong time.
     */
    static String rsync(String root, String newDir, String previousDir, List<String> rawExcludes) {
        String dest = treeOf(newDir, root);
        List<String> words = new ArrayList<>(List.of("rsync", "-a", "--numeric-ids", "--modify-window=-1"));
        words.addAll(RsyncExcludes.options(rawExcludes));
        String vault = vaultInside(root, newDir);
        if (vault != null) {
            words.add("--exclude=" + vault);
        }
        String plain = copyCommand(words, root, dest);
        String mkdir = "umask 077; mkdir -p " + ShellQuote.quote(parentOf(dest)) + " || exit 1; ";
        if (previousDir == null) {
            return mkdir + plain;
        }
        String previous = treeOf(previousDir, root);
        List<String> linked = new ArrayList<>(words);
        linked.add("--link-dest=" + previous);
        return mkdir + "if [ -d " + ShellQuote.quote(previous) + " ]; then " + copyCommand(linked, root, dest)
                + "; else " + plain + "; fi";
    }

    /**
     * When the vault is inside the backed-up root (a backup disk mounted below it), the job's
     * folder, two levels above the new snapshot ({@code JOB/.tmp-POINT/SOURCE}), as an anchored
     * rsync pattern; else null. Without it rsync would copy the vault, this snapshot included,
     * into itself.
     */
    static String vaultInside(String root, String newDir) {
        String jobDir = parentOf(parentOf(newDir));
        String prefix = root.equals("/") ? "/" : root + "/";
        if (!jobDir.startsWith(prefix) || jobDir.length() == prefix.length()) {
            return null;
        }
        String rel = jobDir.substring(prefix.length());
        if (rel.chars().anyMatch(c -> c == '*' || c == '?' || c == '[')) {
            rel = rel.replaceAll("([*?\\[\\\\])", "\\\\$1");
        }
        return "/" + rel + "/";
    }

    private static String copyCommand(List<String> options, String root, String dest) {
        List<String> words = new ArrayList<>(options);
        words.add(root.equals("/") ? "/" : root + "/");
        words.add(dest + "/");
        return "LC_ALL=C " + ShellQuote.command(words);
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /**
     * SHA-256 of the files whose paths (relative to the snapshot's tree, NUL-terminated) arrive on
     * stdin, printed as {@code HEX␠␠NAME\0} records. {@code --zero} (coreutils 8.30 and later) ends
     * each record with NUL and leaves names unescaped, so any name, newlines and invalid UTF-8
     * included, comes back exactly; where it is missing, {@link #SHA256_LOOP} prints the same.
     */
    static String sha256(String newDir) {
        return "cd " + ShellQuote.quote(newDir + "/" + SnapshotIndex.TREE) + " || exit 1; export LC_ALL=C; "
                + "if sha256sum --zero </dev/null >/dev/null 2>&1; then xargs -0 -r sha256sum --zero --; "
                + "else xargs -0 -r sh -c " + ShellQuote.quote(SHA256_LOOP) + " sh; fi";
    }

    /** One sha256sum per file, reading it on stdin so no name is ever parsed as an option or escaped. */
    static final String SHA256_LOOP = "for f; do h=$(sha256sum < \"$f\") || exit 255; "
            + "printf '%s  %s\\000' \"${h%% *}\" \"$f\"; done";

    static String readPreviousIndex(String previousDir) {
        return ShellQuote.command("cat", "--", previousDir + "/" + SnapshotIndex.FILE_NAME);
    }

    /** Writes stdin as the index, flushes it to disk and prints its SHA-256 to check the upload against. */
    static String writeIndex(String newDir) {
        String file = ShellQuote.quote(newDir + "/" + SnapshotIndex.FILE_NAME);
        return "umask 077; cat > " + file + " && sync " + file + " && sha256sum < " + file;
    }

    /** Removes what a snapshot created, leaving the (caller's) folder itself. */
    static String cleanUp(String newDir) {
        return ShellQuote.command("rm", "-rf", "--", newDir + "/" + SnapshotIndex.TREE,
                newDir + "/" + SnapshotIndex.FILE_NAME);
    }
}
