package app.mamori.engine.restore;

import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileType;
import app.mamori.catalog.TreeDiff;
import app.mamori.source.files.EntryType;
import app.mamori.source.files.ListedEntry;
import app.mamori.source.files.RawPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TreeChangesTest {
    private static final long T = 1_764_900_000L;

    private static FileEntry backedUp(String path, FileType type, long size, long seconds, int nanos) {
        return new FileEntry(path.getBytes(StandardCharsets.UTF_8), type, 0644, size, seconds * 1_000_000_000L + nanos,
                type == FileType.FILE ? "ab".repeat(32) : null);
    }

    private static ListedEntry now(String path, EntryType type, long size, long seconds, int nanos) {
        return new ListedEntry(type, 0644, size, seconds, nanos, 0, 0, RawPath.ofUtf8(path), RawPath.ofUtf8(""));
    }

    private static List<String> text(List<byte[]> paths) {
        return paths.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aFileIsChangedWhenItsSizeOrItsTimeToTheNanosecondDiffersAndUnchangedWhenBothMatch() {
        TreeDiff d = TreeChanges.since(List.of(
                backedUp("/up/same", FileType.FILE, 10, T, 5),
                backedUp("/up/longer", FileType.FILE, 10, T, 5),
                backedUp("/up/touched", FileType.FILE, 10, T, 5)), List.of(
                now("/up/same", EntryType.FILE, 10, T, 5),
                now("/up/longer", EntryType.FILE, 11, T, 5),
                now("/up/touched", EntryType.FILE, 10, T, 6)));

        assertThat(text(d.changed())).containsExactly("/up/longer", "/up/touched");
        assertThat(d.added()).isEmpty();
        assertThat(d.removed()).isEmpty();
    }

    @Test
    void pathsOnlyOnTheServerAreAddedAndOnlyInTheBackupRemovedInByteOrder() {
        TreeDiff d = TreeChanges.since(List.of(
                backedUp("/up", FileType.DIRECTORY, 4096, T, 0),
                backedUp("/up/gone-b", FileType.FILE, 1, T, 0),
                backedUp("/up/gone-a", FileType.FILE, 1, T, 0)), List.of(
                now("/up", EntryType.DIRECTORY, 4096, T + 60, 0),
                now("/up/z-new", EntryType.FILE, 3, T, 0),
                now("/up/a-new", EntryType.FILE, 3, T, 0)));

        assertThat(text(d.added())).containsExactly("/up/a-new", "/up/z-new");
        assertThat(text(d.removed())).containsExactly("/up/gone-a", "/up/gone-b");
        assertThat(d.changed()).as("a folder's time moves with every name added in it").isEmpty();
    }

    @Test
    void aFileReplacedByAFolderOrALinkIsChanged() {
        TreeDiff d = TreeChanges.since(List.of(
                backedUp("/up/x", FileType.FILE, 1, T, 0),
                backedUp("/up/y", FileType.FILE, 1, T, 0)), List.of(
                now("/up/x", EntryType.DIRECTORY, 1, T, 0),
                now("/up/y", EntryType.SYMLINK, 1, T, 0)));

        assertThat(text(d.changed())).containsExactly("/up/x", "/up/y");
    }
}
