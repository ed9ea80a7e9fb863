package app.mamori.source.files;

import app.mamori.model.Note;
import app.mamori.source.RestoreCommand;
import app.mamori.source.RestoreCommands;
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
    public static RestoreCommand toPath(String snapshotDir, List<String> paths, String dir, List<String> include) {
        List<Copy> copies = copies(paths, include);
        List<String> fill = new java.util.ArrayList<>();
        for (Copy c : copies) {
            String root = c.root().equals("/") ? "" : c.root();
            fill.add("mkdir -p -- \"$t\"" + ShellQuote.quote(root.isEmpty() ? "/" : root) + " && "
                    + rsync(snapshotDir, c, false) + " \"$t\"" + ShellQuote.quote(root + "/"));
        }
        return new RestoreCommand(Note.of("cmdExtractNew", "copy the snapshot into a new folder " + dir
                + " with rsync on the server (via a temp folder beside it)", dir), RestoreCommands.intoNewFolder(dir, check(snapshotDir, copies),
                String.join(" && ", fill)), false, false);
    }

    /**
     * Over the live roots: files the snapshot holds are rewritten whatever their size and time
     * ({@code --ignore-times}), files made since are left; each root gets the stored mode,
     * owner and time back.
     */
    public static RestoreCommand inPlace(String snapshotDir, List<String> paths, List<String> include) {
        List<Copy> copies = copies(paths, include);
        StringBuilder s = new StringBuilder(check(snapshotDir, copies));
        for (Copy c : copies) {
            String root = c.root();
            s.append("mkdir -p -- ").append(ShellQuote.quote(root)).append(" && ").append(rsync(snapshotDir, c, true))
                    .append(' ').append(ShellQuote.quote(root.equals("/") ? "/" : root + "/")).append(" || exit $?; ");
        }
        return new RestoreCommand(Note.of("cmdExtractOver", "copy the snapshot over the live files with rsync on the"
                + " server"), s.toString().strip(), false, false);
    }

    /**
     * One rsync: a whole root ({@code below} empty), or one {@code --include} path below it,
     * copied with {@code --relative} so the folders between the root and it come back with
     * their stored modes and times, as a restore from a local vault brings them.
     */
    private record Copy(String root, String below) {
        String path() {
            return below.isEmpty() ? root : (root.equals("/") ? "" : root) + "/" + below;
        }
    }

    private static List<Copy> copies(List<String> paths, List<String> include) {
        List<String> roots = FileTreeSnapshotter.normalizeRoots(paths);
        if (include.isEmpty()) {
            return roots.stream().map(r -> new Copy(r, "")).toList();
        }
        List<Copy> copies = new java.util.ArrayList<>();
        for (String raw : include) {
            String p = Selection.normalize(raw);
            Copy c = roots.stream().filter(r -> p.equals(r) || r.equals("/") || p.startsWith(r + "/"))
                    .map(r -> new Copy(r, p.equals(r) ? "" : p.substring(r.equals("/") ? 1 : r.length() + 1)))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("--include: '" + raw + "' is not in"
                            + " the source's folders (" + String.join(", ", roots) + ")"));
            copies.add(c);
        }
        return copies;
    }

    /** Everything to copy must be in the snapshot before anything is written. */
    private static String check(String snapshotDir, List<Copy> copies) {
        StringBuilder s = new StringBuilder();
        for (Copy c : copies) {
            String stored = HostCommands.treeOf(snapshotDir, c.path());
            s.append("{ test -e ").append(ShellQuote.quote(stored)).append(" || test -h ").append(ShellQuote.quote(stored))
                    .append("; } || { echo \"mamori: the snapshot holds no copy of \"").append(ShellQuote.quote(c.path()))
                    .append(" >&2; exit 74; }; ");
        }
        return s.toString();
    }

    /**
     * {@code rsync -a --numeric-ids --modify-window=-1 [-I] [--relative] STORED}, the destination
     * (the root's copy) to follow. Without {@code --modify-window=-1} rsync compares a folder's
     * time to the second: a folder it creates within the second of its stored mtime would keep
     * the time it was made at (see {@link HostCommands#rsync}).
     */
    private static String rsync(String snapshotDir, Copy c, boolean ignoreTimes) {
        List<String> words = new java.util.ArrayList<>(List.of("rsync", "-a", "--numeric-ids", "--modify-window=-1"));
        if (ignoreTimes) {
            words.add("--ignore-times");
        }
        String storedRoot = HostCommands.treeOf(snapshotDir, c.root());
        if (c.below().isEmpty()) {
            words.add(storedRoot + "/");
        } else {
            words.add("--relative");
            words.add(storedRoot + "/./" + c.below());
        }
        return "LC_ALL=C " + ShellQuote.command(words);
    }
}
