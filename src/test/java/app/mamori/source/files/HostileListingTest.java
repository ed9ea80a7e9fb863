package app.mamori.source.files;

import app.mamori.model.Source;
import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.LocalShell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A compromised server answers the listing with names chosen to make the workstation write
 * outside the vault. The real snapshot code runs against a shell whose {@code find} lies;
 * each case must fail the snapshot, name the entry, and leave nothing outside (or inside).
 */
class HostileListingTest {
    @TempDir
    Path tmp;
    Path src;
    Path outside;

    @BeforeEach
    void setUp() throws IOException {
        src = Files.createDirectory(tmp.resolve("srv"));
        Files.writeString(src.resolve("a.txt"), "honest");
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwx------"));
    }

    /** One entry in find's -printf format: type, mode, size, mtime, uid, gid, root, path below it, link target. */
    private String entry(char type, String below, String link) {
        return String.join("\0", String.valueOf(type), type == 'd' ? "755" : "644", "6", "1700000000.5", "0", "0",
                src.toString(), below, link) + "\0";
    }

    private Throwable snapshotWithListing(String... entries) throws IOException {
        Source.Files source = new Source.Files("files", "srv", List.of(src.toString()), List.of());
        String realFind = RemoteListing.command(List.of(src.toString()), ExcludeRules.parse(List.of()));
        Path listing = Files.writeString(tmp.resolve("listing"), entry('d', "", "") + String.join("", entries));
        String lie = "cat " + ShellQuote.quote(listing.toString());
        FileTreeSnapshotter snapshotter = new FileTreeSnapshotter(new RewritingShell(new LocalShell(), realFind, lie));
        Path dir = Files.createDirectory(tmp.resolve("point"));
        Throwable t = catchThrowable(() -> snapshotter.snapshot(source, null, dir, null, null));
        assertThat(dir).isEmptyDirectory();
        return t;
    }

    @Test
    void dotDotNameFailsTheSnapshotAndWritesNothingOutside() throws IOException {
        Throwable t = snapshotWithListing(entry('f', "../../outside/planted", ""));

        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining("'..' component")
                .hasMessageContaining("outside/planted").hasMessageContaining("Nothing was stored");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void nameOutsideTheRootsIsRefused() throws IOException {
        String other = String.join("\0", "f", "644", "6", "1700000000.5", "0", "0", outside.toString(), "planted", "")
                + "\0";
        Throwable t = snapshotWithListing(other);

        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining("outside the folders this source backs up");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void symlinkThenFolderOfTheSameNameIsRefused() throws IOException {
        Throwable t = snapshotWithListing(entry('l', "esc", outside.toString()), entry('d', "esc", ""),
                entry('f', "esc/planted", ""));

        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining("listed twice");
        assertThat(outside).isEmptyDirectory();
        assertThat(Files.getPosixFilePermissions(outside)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void entryBelowASymlinkIsRefused() throws IOException {
        Throwable t = snapshotWithListing(entry('l', "esc", outside.toString()), entry('f', "esc/planted", ""));

        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining("esc/planted")
                .hasMessageContaining("not listed before it as a folder");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void emptyComponentIsRefused() throws IOException {
        Throwable t = snapshotWithListing(entry('f', "/" + outside.toString().substring(1) + "/planted", ""));

        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining("empty name component");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void anHonestListingOfTheSameTreeStillSnapshots() throws IOException {
        Source.Files source = new Source.Files("files", "srv", List.of(src.toString()), List.of());
        Path dir = Files.createDirectory(tmp.resolve("point"));
        SnapshotResult r = new FileTreeSnapshotter(new LocalShell()).snapshot(source, null, dir, null, null);

        assertThat(r.fileCount()).isEqualTo(1);
        assertThat(dir.resolve(SnapshotIndex.TREE).resolve(src.toString().substring(1)).resolve("a.txt"))
                .isRegularFile().hasContent("honest");
    }
}
