package app.mamori.source.files;

import app.mamori.model.Source;
import app.mamori.testenv.LocalShell;
import app.mamori.util.NativeCrypto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class FileTreeSnapshotterTest {
    @TempDir
    Path tmp;
    Path src;
    LocalShell shell = new LocalShell();
    FileTreeSnapshotter snapshotter = new FileTreeSnapshotter(shell);

    @BeforeEach
    void createTree() throws IOException {
        src = Files.createDirectory(tmp.resolve("server"));
        HostileTree.create(src);
    }

    private SnapshotResult snap(Path previous, String name, List<String> excludes) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        return snapshotter.snapshot(new Source.Files("files", "srv", List.of(src.toString()), excludes),
                previous, dir, SnapshotProgress.none(), null);
    }

    private Path tree(String snapshot) {
        return tmp.resolve(snapshot).resolve(SnapshotIndex.TREE).resolve(src.toString().substring(1));
    }

    @Test
    void firstSnapshotReproducesEveryByteModeMtimeAndLinkTarget() throws IOException {
        SnapshotResult r = snap(null, "s1", List.of());

        assertThat(TreeFacts.of(tree("s1"), true)).isEqualTo(TreeFacts.of(src, false));
        assertThat(r.newFiles()).isEqualTo(r.fileCount()).isEqualTo(17);
        assertThat(r.unchangedFiles()).isZero();
        assertThat(r.warnings()).singleElement().asString().contains("raw-link");
        assertThat(Files.readSymbolicLink(tree("s1").resolve("abs-link"))).hasToString("/etc/hostname");
        assertThat(Files.readSymbolicLink(tree("s1").resolve("dangling"))).hasToString("does/not/exist");
        assertThat(tree("s1").resolve("empty")).isEmptyDirectory();
    }

    @Test
    void indexKeepsExactBytesTrueMetadataAndHashes() throws IOException {
        SnapshotResult r = snap(null, "s1", List.of());
        SnapshotIndex index = SnapshotIndex.read(tmp.resolve("s1"));

        byte[] rawPath = (src + "/").getBytes(StandardCharsets.UTF_8);
        RawPath raw = RawPath.ofBytes(rawPath).resolve(RawPath.ofBytes(HostileTree.RAW_NAME));
        IndexEntry e = index.get(raw);
        assertThat(e.stored()).endsWith("/%raw%bad%FF%FEname");
        assertThat(e.sha256()).isEqualTo(sha256("raw"));
        assertThat(Files.readString(tmp.resolve("s1/tree").resolve(e.stored()))).isEqualTo("raw");
        IndexEntry plain = index.get(RawPath.ofUtf8(src + "/plain.txt"));
        assertThat(plain.mode()).isEqualTo(0600);
        assertThat(plain.mtimeNanos()).isEqualTo(123456789);
        assertThat(plain.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(index.get(RawPath.ofUtf8(src + "/raw-link")).linkTarget().bytes()).isEqualTo(HostileTree.RAW_NAME);
        assertThat(index.get(RawPath.ofUtf8(src + "/private")).type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(index.entries()).hasSize(index.entries().stream().map(IndexEntry::path).distinct().toList().size());
        assertThat(r.indexSha256()).isEqualTo(sha256(Files.readAllBytes(r.index())));
        assertThat(r.totalBytes()).isEqualTo(index.entries().stream().mapToLong(x -> x.type() == EntryType.FILE
                ? x.size() : 0).sum()).isGreaterThan(300_000);
    }

    @Test
    void unchangedSecondSnapshotHardLinksEveryFile() throws IOException {
        snap(null, "s1", List.of());
        SnapshotResult r = snap(tmp.resolve("s1"), "s2", List.of());

        assertThat(r.unchangedFiles()).isEqualTo(r.fileCount()).isEqualTo(17);
        assertThat(r.newFiles() + r.changedFiles() + r.deletedFiles()).isZero();
        SnapshotIndex index = SnapshotIndex.read(tmp.resolve("s2"));
        for (IndexEntry e : index.entries()) {
            if (e.type() == EntryType.FILE) {
                assertThat(inode(tmp.resolve("s2/tree").resolve(e.stored())))
                        .as(e.path().toString()).isEqualTo(inode(tmp.resolve("s1/tree").resolve(e.stored())));
            }
        }
        assertThat(TreeFacts.of(tree("s2"), true)).isEqualTo(TreeFacts.of(src, false));
    }

    @Test
    void onlyChangedDeletedAndAddedFilesDiffer() throws IOException {
        snap(null, "s1", List.of());
        HostileTree.sh("""
                cd "$1"
                printf 'changed, same old mtime is not enough' > 'with space.txt'
                rm "$(printf 'rawdir\\351')/inner"
                printf 'added' > 'sub/new file'
                """, src.toString());
        SnapshotResult r = snap(tmp.resolve("s1"), "s2", List.of());

        assertThat(r.changedFiles()).isEqualTo(1);
        assertThat(r.deletedFiles()).isEqualTo(1);
        assertThat(r.newFiles()).isEqualTo(1);
        assertThat(r.unchangedFiles()).isEqualTo(15);
        assertThat(TreeFacts.of(tree("s2"), true)).isEqualTo(TreeFacts.of(src, false));
        assertThat(inode(tree("s2").resolve("with space.txt"))).isNotEqualTo(inode(tree("s1").resolve("with space.txt")));
        assertThat(inode(tree("s2").resolve("plain.txt"))).isEqualTo(inode(tree("s1").resolve("plain.txt")));
        assertThat(Files.readString(tree("s1").resolve("with space.txt"))).isEqualTo("space");
    }

    @Test
    void excludesPruneNamesDirectoriesAndAnchoredPaths() throws IOException {
        HostileTree.sh("""
                cd "$1"
                mkdir -p node_modules/pkg sub/node_modules cache sub/cache-not build deep/build
                : > node_modules/pkg/index.js; : > sub/node_modules/x; : > app.log; : > sub/deeper/x.log
                : > cache/blob; : > sub/cache; : > build/out; : > deep/build/kept
                """, src.toString());
        snap(null, "s1", List.of("node_modules", "*.log", "cache/", "/build", "# a comment"));

        Map<String, String> got = TreeFacts.of(tree("s1"), true);
        assertThat(got.keySet()).noneMatch(k -> k.contains("node_modules") || k.endsWith(".log")
                        || k.startsWith("cache") || k.startsWith("build"))
                .contains("sub/cache", "deep/build/kept", "sub/cache-not", "plain.txt");
        Map<String, String> expected = TreeFacts.of(src, false);
        expected.keySet().removeIf(((Predicate<String>) k -> k.contains("node_modules")).or(k -> k.endsWith(".log"))
                .or(k -> k.equals("cache") || k.startsWith("cache/") || k.equals("build") || k.startsWith("build/")));
        assertThat(got.keySet()).isEqualTo(expected.keySet());
    }

    @Test
    void failingRemoteTarFailsTheSnapshotAndLeavesNoIndex() throws IOException {
        FileTreeSnapshotter failing = new FileTreeSnapshotter(new RewritingShell(shell, TarFetcher.COMMAND,
                "cat >/dev/null; echo 'tar: srv/x: Cannot open: Permission denied' >&2; exit 2"));
        Path dir = Files.createDirectory(tmp.resolve("s1"));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> failing.snapshot(
                new Source.Files("files", "srv", List.of(src.toString()), List.of()), null, dir, null, null)))
                .isInstanceOf(IOException.class).hasMessageContaining("Permission denied").hasMessageContaining("srv/x");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void fileVanishingBeforeTarIsAWarningAndLeftOut() throws IOException {
        String vanish = "rm " + app.mamori.ssh.ShellQuote.quote(src + "/plain.txt") + " && " + TarFetcher.COMMAND;
        FileTreeSnapshotter racing = new FileTreeSnapshotter(new RewritingShell(shell, TarFetcher.COMMAND, vanish));
        Path dir = Files.createDirectory(tmp.resolve("s1"));
        SnapshotResult r = racing.snapshot(new Source.Files("files", "srv", List.of(src.toString()), List.of()),
                null, dir, null, null);

        assertThat(r.warnings()).anyMatch(w -> w.contains("plain.txt") && w.contains("vanished"));
        assertThat(SnapshotIndex.read(dir).get(RawPath.ofUtf8(src + "/plain.txt"))).isNull();
        assertThat(r.fileCount()).isEqualTo(16);
    }

    @Test
    void fileReplacedByASymlinkBeforeTarIsAWarningAndLeftOut() throws IOException {
        String swap = "cd " + app.mamori.ssh.ShellQuote.quote(src.toString())
                + " && rm plain.txt && ln -s elsewhere plain.txt && " + TarFetcher.COMMAND;
        FileTreeSnapshotter racing = new FileTreeSnapshotter(new RewritingShell(shell, TarFetcher.COMMAND, swap));
        Path dir = Files.createDirectory(tmp.resolve("s1"));
        SnapshotResult r = racing.snapshot(new Source.Files("files", "srv", List.of(src.toString()), List.of()),
                null, dir, null, null);

        assertThat(r.warnings()).anyMatch(w -> w.contains("plain.txt") && w.contains("regular file"));
        assertThat(r.fileCount()).isEqualTo(16);
    }

    @Test
    void missingRootFailsNamingIt() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("s1"));
        String missing = src + "/no such dir";
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> snapshotter.snapshot(
                new Source.Files("files", "srv", List.of(missing), List.of()), null, dir, null, null)))
                .hasMessageContaining("no such dir");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void cancelDuringFetchThrowsAndLeavesNothingThatLooksComplete() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("s1"));
        var cancel = new app.mamori.util.CancelToken();
        SnapshotProgress cancelAtFirstFile = new SnapshotProgress() {
            @Override
            public void fetched(long files, long bytes) {
                cancel.cancel();
            }
        };
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> snapshotter.snapshot(
                new Source.Files("files", "srv", List.of(src.toString()), List.of()), null, dir, cancelAtFirstFile,
                cancel))).isInstanceOf(app.mamori.util.CancelToken.CancelledException.class);
        assertThat(dir).isEmptyDirectory();
    }

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    private static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] b) {
        return java.util.HexFormat.of().formatHex(NativeCrypto.sha256().digest(b));
    }
}
