package app.mamori.source.files;

import app.mamori.model.Source;
import app.mamori.testenv.LocalShell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How rsync's exit status is judged, with rsync's ending replaced on cue (through a local shell). */
class HostSnapshotterRsyncExitTest {
    @TempDir
    Path tmp;
    Path src;
    Path dir;

    @BeforeEach
    void createTree() throws IOException {
        src = Files.createDirectory(tmp.resolve("server"));
        Files.writeString(src.resolve("a.txt"), "a");
        dir = Files.createDirectory(tmp.resolve("s1"));
    }

    private HostSnapshotter rsyncEndingWith(String ending) {
        String rsync = HostCommands.rsync(src.toString(), dir.toString(), null, List.of());
        return new HostSnapshotter(new RewritingShell(new LocalShell(), rsync, rsync + "; " + ending));
    }

    private SnapshotResult snap(HostSnapshotter snapshotter) throws IOException {
        return snapshotter.snapshot(new Source.Files("files", "srv", List.of(src.toString()), List.of()), null,
                dir.toString(), tmp.resolve("index"), null, null);
    }

    @Test
    void vanishedFilesAreAWarningAndTheSnapshotCompletes() throws IOException {
        SnapshotResult r = snap(rsyncEndingWith("echo 'file has vanished: \"" + src + "/gone.txt\"' >&2; "
                + "echo 'rsync warning: some files vanished before they could be transferred (code 24)' >&2; exit 24"));

        assertThat(r.warnings()).singleElement().asString().contains(src + "/gone.txt").contains("vanished");
        assertThat(r.fileCount()).isEqualTo(1);
        assertThat(dir.resolve(SnapshotIndex.FILE_NAME)).isRegularFile();
    }

    @Test
    void anyOtherFailureNamesThePathAndRsyncsOwnLineAndRemovesTheCopy() {
        Throwable t = catchThrowable(() -> snap(rsyncEndingWith(
                "echo 'rsync: [sender] send_files failed to open \"" + src + "/a.txt\": Permission denied (13)' >&2; "
                + "echo 'rsync error: some files/attrs were not transferred (see previous errors) (code 23)' >&2; exit 23")));

        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining("rsync could not copy " + src)
                .hasMessageContaining("exit 23").hasMessageContaining("Permission denied (13)");
        assertThat(dir).isEmptyDirectory();
        assertThat(tmp.resolve("index")).doesNotExist();
    }
}
