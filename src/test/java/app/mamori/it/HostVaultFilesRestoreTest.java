package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static app.mamori.it.TreeFixture.sh;
import static app.mamori.it.TreeFixture.state;
import static app.mamori.it.TreeFixture.withoutRoot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files restores from a vault on the server itself: rsync copies the stored tree back there,
 * after the snapshot's index was checked against its recorded SHA-256. Compared byte for byte
 * with the tree that was backed up, hostile names included.
 */
@ExtendWith(SshdExtension.class)
class HostVaultFilesRestoreTest {
    private Cli cli;
    private Path tmp;
    private Path site;
    private Path disk;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        site = tmp.resolve("srv/-var 'www' $(touch x) `y`");
        TreeFixture.makeHostileTree(site);
        disk = tmp.resolve("backup disk");
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "hdd", "--server", "web", "--path", disk.toString()).requireOk();
        cli.run("source", "add", "site", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
        cli.run("job", "add", "blog", "--sources", "site", "--vault", "hdd").requireOk();
        cli.run("backup", "blog").requireOk();
    }

    @Test
    void toANewFolderOnTheServerEverythingComesBackExactly() throws Exception {
        Path target = tmp.resolve("restored here");
        String before = state(site);

        String plan = cli.run("restore", "--source", "site", "--to-path", target.toString(), "--dry-run").requireOk().out();
        cli.run("restore", "--source", "site", "--to-path", target.toString(), "--yes").requireOk();

        assertThat(plan).contains("sha256sum -c").contains("rsync -a --numeric-ids");
        assertThat(state(target.resolve(site.toString().substring(1)))).isEqualTo(before);
        assertThat(before).contains("4750").contains("l 777 ").contains("dangling").contains("caf\u00e9");
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".mamori-restore"));
        }
    }

    @Test
    void inPlaceRestoresChangedAndDeletedFilesLeavesNewOnesAndTheFoldersAboveAlone() throws Exception {
        String before = state(site);
        Path above = site.getParent();
        Files.setPosixFilePermissions(above, PosixFilePermissions.fromString("rwxr-xr-x"));
        // big.bin rewritten with other bytes of the same size and given back its mtime: a quick
        // check by size and time would take it for unchanged
        sh("set -e; head -c 300000 /dev/urandom > \"$1/uploads/big.bin\"; touch -d '2020-02-29 12:34:56.123456789'"
                + " \"$1/uploads/big.bin\"; rm \"$1/current\"; rm -r \"$1/empty dir\"; printf new > \"$1/new.txt\"",
                site.toString());

        Cli.Result r = cli.run("restore", "--source", "site", "--in-place", "--yes").requireOk();

        assertThat(r.out()).contains("safety point: blog/");
        assertThat(site.resolve("new.txt")).as("made after the point: left alone").hasContent("new");
        Files.delete(site.resolve("new.txt"));
        assertThat(withoutRoot(state(site)))
                .as("a changed file with the same size and mtime is rewritten too")
                .isEqualTo(withoutRoot(before));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(above)))
                .as("the vault keeps the folders above a root 0700; they must not reach the live system")
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void aDamagedIndexIsRefusedBeforeAnythingChanges() throws Exception {
        Path index;
        try (Stream<Path> s = Files.walk(disk)) {
            index = s.filter(p -> p.getFileName().toString().equals("index.jsonl.zst")).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(index);
        b[b.length / 2] ^= 1;
        Files.write(index, b);
        Files.writeString(site.resolve("uploads/big.bin"), "changed");

        Cli.Result r = cli.run("restore", "--source", "site", "--in-place", "--no-safety-backup", "--yes");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).contains("does not match its SHA-256");
        assertThat(site.resolve("uploads/big.bin")).hasContent("changed");
    }

    @Test
    void includeCopiesOneFileOrOneSubtreeOnlyWithTheFoldersBetween() throws Exception {
        Path one = tmp.resolve("one");
        Path sub = tmp.resolve("sub");
        String deep = site.resolve("uploads/2026 11/line\nbreak $(x) `y` 'q'.txt").toString();

        cli.run("restore", "--source", "site", "--to-path", one.toString(), "--include", deep, "--yes").requireOk();
        cli.run("restore", "--source", "site", "--to-path", sub.toString(), "--include",
                site.resolve("-dash").toString(), "--yes").requireOk();

        Path oneRoot = one.resolve(site.toString().substring(1));
        assertThat(sh("cd \"$1\" && find . -type f | sort", oneRoot.toString()))
                .isEqualTo("./uploads/2026 11/line\nbreak $(x) `y` 'q'.txt\n");
        assertThat(withoutRoot(state(oneRoot.resolve("uploads")))).isEqualTo(withoutRoot(state(site.resolve("uploads")))
                .replaceAll("[^\0]*big\\.bin[^\0]*\0", ""));
        Path subRoot = sub.resolve(site.toString().substring(1));
        assertThat(sh("cd \"$1\" && find . | sort", subRoot.toString())).isEqualTo(".\n./-dash\n./-dash/run.sh\n");
        assertThat(state(subRoot.resolve("-dash"))).isEqualTo(state(site.resolve("-dash")));
    }

    @Test
    void aFolderRestoredWithinTheSecondOfItsStoredTimeGetsThatTimeToTheNanosecond() throws Exception {
        Path storedFolder;
        try (Stream<Path> s = Files.walk(disk)) {
            storedFolder = s.filter(p -> p.getFileName().toString().equals("2026 11")).findFirst().orElseThrow();
        }
        // the stored folder's time becomes the start of the second the restore runs in: rsync,
        // comparing to the second, would take the folder it just made for one with that time
        long second = System.currentTimeMillis() / 1000 + 1;
        Thread.sleep(second * 1000 - System.currentTimeMillis());
        sh("touch -d \"@$2.000000001\" \"$1\"", storedFolder.toString(), Long.toString(second));
        Path target = tmp.resolve("same second");

        cli.run("restore", "--source", "site", "--to-path", target.toString(), "--include",
                site.resolve("uploads/2026 11").toString(), "--yes").requireOk();

        Path restored = target.resolve(site.toString().substring(1)).resolve("uploads/2026 11");
        assertThat(sh("stat -c %.9Y \"$1\"", restored.toString()).strip()).isEqualTo(second + ".000000001");
    }

    @Test
    void includeInPlaceRestoresOnlyThatFile() throws Exception {
        sh("set -e; printf 'changed' > \"$1/uploads/big.bin\"; printf 'also changed' > \"$1/-dash/run.sh\"",
                site.toString());

        cli.run("restore", "--source", "site", "--in-place", "--no-safety-backup", "--include",
                site.resolve("uploads/big.bin").toString(), "--yes").requireOk();

        assertThat(Files.size(site.resolve("uploads/big.bin"))).isEqualTo(300_000);
        assertThat(site.resolve("-dash/run.sh")).as("not included: left as it is").hasContent("also changed");
    }

    @Test
    void anIncludeTheSnapshotDoesNotHoldIsRefusedBeforeAnythingIsWritten() {
        Path target = tmp.resolve("never");
        Cli.Result r = cli.run("restore", "--source", "site", "--to-path", target.toString(), "--include",
                site.resolve("uploads/not there.txt").toString(), "--yes");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).contains("--include: not in restore point").contains("not there.txt");
        assertThat(target).doesNotExist();
    }

    @Test
    void toThisComputerTheChosenFilesAreFetchedCheckedAndWrittenExactly() throws Exception {
        Path here = tmp.resolve("on my laptop");

        cli.run("restore", "--source", "site", "--to-local", here.toString(), "--include",
                site.resolve("uploads").toString(), "--yes").requireOk();

        Path root = here.resolve(site.toString().substring(1));
        assertThat(state(root.resolve("uploads"))).isEqualTo(state(site.resolve("uploads")));
        assertThat(root.resolve("-dash")).as("not asked for").doesNotExist();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".mamori-fetch-"));
        }
    }

    @Test
    void aStoredFileThatNoLongerMatchesItsIndexIsRefusedBeforeTheTargetIsWritten() throws Exception {
        Path stored;
        try (Stream<Path> s = Files.walk(disk)) {
            stored = s.filter(p -> p.getFileName().toString().equals("big.bin")).findFirst().orElseThrow();
        }
        Damage.flipByte(stored, 1000);
        Path here = tmp.resolve("on my laptop");

        Cli.Result r = cli.run("restore", "--source", "site", "--to-local", here.toString(), "--yes");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).contains("big.bin").contains("does not match its SHA-256 in the index");
        assertThat(here).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }
}
