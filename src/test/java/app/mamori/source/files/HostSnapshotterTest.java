package app.mamori.source.files;

import app.mamori.model.Source;
import app.mamori.ssh.JschConnector;
import app.mamori.ssh.RemoteShell;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import app.mamori.util.CancelToken;
import app.mamori.util.NativeCrypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import static org.assertj.core.api.Assertions.catchThrowable;

/** Snapshots into a vault folder on the server itself, over the real test sshd (which runs on this machine). */
@ExtendWith(SshdExtension.class)
class HostSnapshotterTest {
    @TempDir
    Path tmp;
    Path src;
    RemoteShell shell;
    HostSnapshotter snapshotter;

    @BeforeEach
    void setUp(SshdServer sshd) throws IOException {
        src = Files.createDirectory(tmp.resolve("server"));
        HostileTree.create(src);
        shell = new JschConnector(sshd.newHomeWithPinnedKey().resolve("known_hosts"), null).connect(sshd.server("web"));
        snapshotter = new HostSnapshotter(shell);
    }

    @AfterEach
    void disconnect() {
        shell.close();
    }

    private SnapshotResult snap(String previous, String name, List<String> roots, List<String> excludes,
                                SnapshotProgress progress, CancelToken cancel) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        return snapshotter.snapshot(new Source.Files("files", "srv", roots, excludes),
                previous == null ? null : tmp.resolve(previous).toString(), dir.toString(), localIndex(name),
                progress, cancel);
    }

    private SnapshotResult snap(String previous, String name, List<String> excludes) throws IOException {
        return snap(previous, name, List.of(src.toString()), excludes, null, null);
    }

    private Path localIndex(String name) {
        return tmp.resolve(name + "-local-" + SnapshotIndex.FILE_NAME);
    }

    private Path tree(String snapshot) {
        return tmp.resolve(snapshot).resolve(SnapshotIndex.TREE).resolve(src.toString().substring(1));
    }

    @Test
    void firstSnapshotEqualsTheSourceInBytesModesMtimesAndLinkTargets() throws IOException {
        SnapshotResult r = snap(null, "s1", List.of());

        assertThat(TreeFacts.of(tree("s1"), false)).isEqualTo(TreeFacts.of(src, false));
        assertThat(r.newFiles()).isEqualTo(r.fileCount()).isEqualTo(17);
        assertThat(r.unchangedFiles() + r.changedFiles() + r.deletedFiles()).isZero();
        assertThat(r.warnings()).isEmpty();
        assertThat(tree("s1").resolve("empty")).isEmptyDirectory();
        assertThat(Files.readSymbolicLink(tree("s1").resolve("abs-link"))).hasToString("/etc/hostname");
        assertThat(Files.getPosixFilePermissions(tree("s1").resolve("private/key")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(tree("s1").resolve("$(touch pwned)")).hasContent("dollar");
        assertThat(tmp.resolve("pwned")).doesNotExist();
    }

    @Test
    void indexHasTheLocalFormatWithOriginalPathsHashesOfTheStoredBytesAndRoundTrips() throws IOException {
        SnapshotResult r = snap(null, "s1", List.of());

        byte[] onHost = Files.readAllBytes(tmp.resolve("s1").resolve(SnapshotIndex.FILE_NAME));
        assertThat(Files.readAllBytes(localIndex("s1"))).isEqualTo(onHost);
        assertThat(r.index()).isEqualTo(localIndex("s1"));
        assertThat(r.indexSha256()).isEqualTo(sha256(onHost));
        SnapshotIndex index = SnapshotIndex.read(localIndex("s1"));
        assertThat(index.roots()).containsExactly(src.toString());
        assertThat(index.entries().get(0).path()).isEqualTo(RawPath.ofUtf8(src.toString()));
        assertThat(index.entries()).hasSize(TreeFacts.of(src, false).size() + 1)
                .allSatisfy(e -> assertThat(e.path().latin1()).startsWith(RawPath.ofUtf8(src.toString()).latin1()));

        RawPath raw = RawPath.ofUtf8(src.toString()).resolve(RawPath.ofBytes(HostileTree.RAW_NAME));
        assertThat(index.get(raw).stored()).isEqualTo(src.toString().substring(1) + "/%raw%bad%FF%FEname");
        assertThat(index.get(raw).sha256()).isEqualTo(sha256("raw".getBytes(StandardCharsets.UTF_8)));
        IndexEntry plain = index.get(RawPath.ofUtf8(src + "/plain.txt"));
        assertThat(plain.stored()).isEqualTo(src.toString().substring(1) + "/plain.txt");
        assertThat(plain.mode()).isEqualTo(0600);
        assertThat(plain.mtimeNanos()).isEqualTo(123456789);
        assertThat(index.get(RawPath.ofUtf8(src + "/raw-link")).linkTarget().bytes()).isEqualTo(HostileTree.RAW_NAME);
        IndexEntry newline = index.get(RawPath.ofUtf8(src + "/new\nline"));
        assertThat(newline.sha256()).isEqualTo(sha256("newline".getBytes(StandardCharsets.UTF_8)));
        for (IndexEntry e : index.entries()) {
            if (e.type() == EntryType.FILE && !e.stored().contains(NameCodec.MARKER)) {
                assertThat(sha256(Files.readAllBytes(tmp.resolve("s1/tree").resolve(e.stored()))))
                        .as(e.path().toString()).isEqualTo(e.sha256());
            }
        }
        assertThat(r.totalBytes()).isEqualTo(index.entries().stream()
                .mapToLong(x -> x.type() == EntryType.FILE ? x.size() : 0).sum()).isGreaterThan(300_000);
    }

    @Test
    void aSameSizeRewriteWithinTheSameSecondIsCopiedNotLinked() throws IOException {
        Path file = src.resolve("same-second.txt");
        Files.writeString(file, "before");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-02T03:04:05.100Z")));
        snap(null, "s1", List.of());
        Files.writeString(file, "after!");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-02T03:04:05.700Z")));

        SnapshotResult r = snap("s1", "s2", List.of());

        Path stored = tree("s2").resolve("same-second.txt");
        assertThat(stored).hasContent("after!");
        assertThat(inode(stored)).isNotEqualTo(inode(tree("s1").resolve("same-second.txt")));
        assertThat(r.changedFiles()).isEqualTo(1);
    }

    @Test
    void secondSnapshotHardLinksUnchangedFilesCarriesTheirHashesAndRehashesTheChanged() throws IOException {
        snap(null, "s1", List.of());
        HostSnapshotterTestScripts.change(src);
        SnapshotResult r = snap("s1", "s2", List.of());

        assertThat(r.changedFiles()).isEqualTo(1);
        assertThat(r.deletedFiles()).isEqualTo(1);
        assertThat(r.newFiles()).isEqualTo(1);
        assertThat(r.unchangedFiles()).isEqualTo(15);
        assertThat(r.fileCount()).isEqualTo(17);
        assertThat(TreeFacts.of(tree("s2"), false)).isEqualTo(TreeFacts.of(src, false));
        SnapshotIndex first = SnapshotIndex.read(tmp.resolve("s1"));
        SnapshotIndex second = SnapshotIndex.read(tmp.resolve("s2"));
        RawPath changed = RawPath.ofUtf8(src + "/with space.txt");
        int linked = 0;
        for (IndexEntry e : second.entries()) {
            if (e.type() != EntryType.FILE || e.path().equals(changed) || first.get(e.path()) == null) {
                continue;
            }
            assertThat(e.sha256()).as(e.path().toString()).isEqualTo(first.get(e.path()).sha256());
            if (!e.stored().contains(NameCodec.MARKER)) {
                assertThat(inode(tmp.resolve("s2/tree").resolve(e.stored())))
                        .as(e.path().toString()).isEqualTo(inode(tmp.resolve("s1/tree").resolve(e.stored())));
                linked++;
            }
        }
        // 15 unchanged; the non-UTF-8 name is checked with stat below, the '%raw%'-looking one is escaped when stored
        assertThat(linked).isEqualTo(13);
        assertThat(HostSnapshotterTestScripts.inodeOfRawName(tree("s2")))
                .isEqualTo(HostSnapshotterTestScripts.inodeOfRawName(tree("s1")));
        assertThat(second.get(changed).sha256()).isEqualTo(sha256(HostSnapshotterTestScripts.CHANGED))
                .isNotEqualTo(first.get(changed).sha256());
        assertThat(inode(tree("s2").resolve("with space.txt"))).isNotEqualTo(inode(tree("s1").resolve("with space.txt")));
        assertThat(tree("s1").resolve("with space.txt")).hasContent("space");
        assertThat(second.get(RawPath.ofUtf8(src + "/sub/new file")).sha256())
                .isEqualTo(sha256("added".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRootAddedLaterIsCopiedInFullBesideTheLinkedOne() throws IOException {
        snap(null, "s1", List.of());
        Path other = Files.createDirectory(tmp.resolve("other root"));
        Files.writeString(other.resolve("a.txt"), "other");

        SnapshotResult r = snap("s1", "s2", List.of(src.toString(), other.toString()), List.of(), null, null);

        assertThat(r.unchangedFiles()).isEqualTo(17);
        assertThat(r.newFiles()).isEqualTo(1);
        assertThat(tmp.resolve("s2/tree").resolve(other.toString().substring(1)).resolve("a.txt")).hasContent("other");
        assertThat(SnapshotIndex.read(tmp.resolve("s2")).roots()).containsExactly(src.toString(), other.toString());
    }

    @Test
    void excludesLeaveOutNamesDirectoriesAndAnchoredPaths() throws IOException {
        HostSnapshotterTestScripts.addExcludable(src);
        SnapshotResult r = snap(null, "s1", List.of("node_modules", "*.log", "cache/", "/build", "# a comment"));

        Map<String, String> got = TreeFacts.of(tree("s1"), false);
        assertThat(got.keySet()).noneMatch(k -> k.contains("node_modules") || k.endsWith(".log")
                        || k.startsWith("cache") || k.startsWith("build"))
                .contains("sub/cache", "deep/build/kept", "sub/cache-not", "plain.txt");
        Map<String, String> expected = TreeFacts.of(src, false);
        expected.keySet().removeIf(((Predicate<String>) k -> k.contains("node_modules")).or(k -> k.endsWith(".log"))
                .or(k -> k.equals("cache") || k.startsWith("cache/") || k.equals("build") || k.startsWith("build/")));
        assertThat(got.keySet()).isEqualTo(expected.keySet());
        assertThat(SnapshotIndex.read(localIndex("s1")).entries()).hasSize(expected.size() + 1);
        assertThat(r.fileCount()).isEqualTo(expected.values().stream().filter(v -> v.startsWith("f ")).count());
    }

    @Test
    void aVaultInsideTheBackedUpFolderIsNotCopiedIntoItself() throws IOException {
        Path job = Files.createDirectories(src.resolve("backup disk/web/job"));
        Path previous = Files.createDirectories(job.resolve("20261124T000000Z/www"));
        Files.writeString(previous.resolve("old.txt"), "an older point");
        Path newDir = Files.createDirectories(job.resolve(".tmp-20261124T010000Z.1/www"));

        SnapshotResult r = snapshotter.snapshot(new Source.Files("files", "srv", List.of(src.toString()), List.of()),
                null, newDir.toString(), localIndex("s1"), null, null);

        Path stored = newDir.resolve("tree").resolve(src.toString().substring(1));
        assertThat(stored.resolve("backup disk/web")).isEmptyDirectory();
        assertThat(stored.resolve("plain.txt")).hasContent("hello");
        assertThat(r.fileCount()).isEqualTo(17);
    }

    @Test
    void aMissingRootFailsNamingItAndLeavesNothingBehind() throws IOException {
        String missing = tmp.resolve("no such dir").toString();

        Throwable t = catchThrowable(() -> snap(null, "s1", List.of(src.toString(), missing), List.of(), null, null));

        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining(missing)
                .hasMessageContaining("No such file or directory").hasMessageNotContaining("rsync error:");
        assertThat(tmp.resolve("s1")).isEmptyDirectory();
        assertThat(localIndex("s1")).doesNotExist();
    }

    @Test
    void cancelThrowsCancelledAndRemovesWhatWasCopied() throws IOException {
        var cancel = new CancelToken();
        SnapshotProgress cancelOnceListed = new SnapshotProgress() {
            @Override
            public void listed(long entries) {
                cancel.cancel();
            }
        };

        Throwable t = catchThrowable(() -> snap(null, "s1", List.of(src.toString()), List.of(), cancelOnceListed,
                cancel));

        assertThat(t).isInstanceOf(CancelToken.CancelledException.class);
        assertThat(tmp.resolve("s1")).isEmptyDirectory();
    }

    @Test
    void rsyncFailureMessageSkipsTheSummaryLine() {
        String stderr = "rsync: [sender] change_dir \"/x\" failed: No such file or directory (2)\n"
                + "rsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1338)\n";

        assertThat(HostSnapshotter.mostTellingLine(stderr)).startsWith("rsync: [sender] change_dir \"/x\"");
    }

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    private static String sha256(byte[] b) {
        return java.util.HexFormat.of().formatHex(NativeCrypto.sha256().digest(b));
    }
}
