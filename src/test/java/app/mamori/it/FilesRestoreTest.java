package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static app.mamori.it.TreeFixture.sh;
import static app.mamori.it.TreeFixture.state;
import static app.mamori.it.TreeFixture.withoutRoot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files restores over the real sshd: to a new folder on the server, in place, and to this
 * computer, compared byte for byte (names, contents, modes, mtimes to the nanosecond, link
 * targets) with the tree that was backed up, hostile names included.
 */
@ExtendWith(SshdExtension.class)
class FilesRestoreTest {
    private Cli cli;
    private Path tmp;
    private Path site;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        site = tmp.resolve("var www");
        TreeFixture.makeHostileTree(site);
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "site", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
        cli.run("job", "add", "blog", "--sources", "site", "--vault", "local").requireOk();
        cli.run("backup", "blog").requireOk();
    }

    @Test
    void toANewFolderOnTheServerEverythingComesBackExactly() throws Exception {
        Path target = tmp.resolve("restored here");
        String before = state(site);

        // typed as a shell completes a folder, with its trailing slash
        cli.run("restore", "--source", "site", "--to-path", target + "/", "--yes").requireOk();

        assertThat(state(target.resolve(site.toString().substring(1)))).isEqualTo(before);
        assertThat(before).contains("4750").contains("l 777 ").contains("dangling").contains("caf\u00e9");
        try (var s = Files.list(target.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".mamori-restore"));
        }
    }

    @Test
    void aDrillRestoresTheTreeIntoAScratchFolderChecksEveryFileAndRemovesIt() throws Exception {
        JsonNode r = cli.run("verify", "--job", "blog", "--drill", "--json").requireOk().json();

        JsonNode drill = null;
        for (JsonNode c : r.get("checks")) {
            if (c.get("method").asText().equals("drill")) {
                drill = c;
            }
        }
        assertThat(drill).as(r.toString()).isNotNull();
        assertThat(drill.get("result").asText()).isEqualTo("verified");
        assertThat(drill.get("recoveryMs").asLong()).isPositive();
        assertThat(drill.get("detail").asText()).contains("4 files").contains("every one's SHA-256 matched");
        try (var s = Files.list(Path.of("/var/tmp"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("mamori_drill_"));
        }
    }

    @Test
    void aNonEmptyTargetFolderIsRefusedAndLeftAlone() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        Cli.Result r = cli.run("restore", "--source", "site", "--to-path", target.toString(), "--yes");

        assertThat(r.exit()).isOne();
        assertThat(r.err()).contains("not empty");
        try (var s = Files.list(target)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        }
    }

    @Test
    void inPlaceRestoresChangedAndDeletedFilesLeavesNewOnesAndKeepsASafetyPoint() throws Exception {
        String before = state(site);
        sh("set -e; printf 'changed' > \"$1/uploads/big.bin\"; rm \"$1/current\"; rm -r \"$1/empty dir\";"
                + " printf new > \"$1/new.txt\"", site.toString());

        Cli.Result r = cli.run("restore", "--source", "site", "--in-place", "--yes").requireOk();

        assertThat(r.out()).contains("safety point: blog/");
        assertThat(site.resolve("new.txt")).as("made after the point: left alone").hasContent("new");
        Files.delete(site.resolve("new.txt")); // which moves the folder's own mtime, so that line is left out below
        assertThat(withoutRoot(state(site))).isEqualTo(withoutRoot(before));
        JsonNode points = cli.run("points", "--json").requireOk().json();
        assertThat(points.toString()).contains("pre-restore");
    }

    @Test
    void anIncludeInNoBackupIsRefusedBeforeThePlanNeverAnEmptyRestore() throws Exception {
        Path target = tmp.resolve("never");

        Cli.Result r = cli.run("restore", "--source", "site", "--to-path", target.toString(), "--include",
                site.resolve("typo.txt").toString(), "--dry-run");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--include: not in restore point", site.resolve("typo.txt").toString());
        assertThat(target).doesNotExist();
    }

    @Test
    void includeRestoresOneFileOrOneSubtreeOnly() throws Exception {
        Path one = tmp.resolve("one");
        Path sub = tmp.resolve("sub");
        String big = site.resolve("uploads/big.bin").toString();

        JsonNode plan = cli.run("restore", "--source", "site", "--to-path", one.toString(), "--include", big,
                "--dry-run", "--json").requireOk().json();
        assertThat(plan.get("target").get("include").get(0).asText()).isEqualTo(big);
        cli.run("restore", "--source", "site", "--to-path", one.toString(), "--include", big, "--yes").requireOk();
        cli.run("restore", "--source", "site", "--to-path", sub.toString(), "--include",
                site.resolve("-dash").toString(), "--yes").requireOk();

        Path oneRoot = one.resolve(site.toString().substring(1));
        assertThat(sh("cd \"$1\" && find . -type f | sort", oneRoot.toString())).isEqualTo("./uploads/big.bin\n");
        assertThat(Files.mismatch(oneRoot.resolve("uploads/big.bin"), site.resolve("uploads/big.bin"))).isEqualTo(-1);
        Path subRoot = sub.resolve(site.toString().substring(1));
        assertThat(sh("cd \"$1\" && find . | sort", subRoot.toString())).isEqualTo(".\n./-dash\n./-dash/run.sh\n");
        assertThat(state(subRoot.resolve("-dash"))).isEqualTo(state(site.resolve("-dash")));
    }

    @Test
    void toThisComputerFilesModesMtimesAndLinksComeBack() throws Exception {
        Path local = tmp.resolve("local copy");

        cli.run("restore", "--source", "site", "--to-local", local.toString(), "--yes").requireOk();

        Path root = local.resolve(site.toString().substring(1));
        assertThat(Files.mismatch(root.resolve("uploads/big.bin"), site.resolve("uploads/big.bin"))).isEqualTo(-1);
        assertThat(Files.getLastModifiedTime(root.resolve("uploads/big.bin")))
                .isEqualTo(Files.getLastModifiedTime(site.resolve("uploads/big.bin")));
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("uploads"));
        assertThat(Files.getPosixFilePermissions(root.resolve("empty dir")))
                .isEqualTo(Files.getPosixFilePermissions(site.resolve("empty dir")));
        assertThat(root.resolve("uploads/2026 11/line\nbreak $(x) `y` 'q'.txt")).hasContent("newline name");
        assertThat(root.resolve("%raw%caf%E9.txt")).as("non-UTF-8 name, escaped as in the vault").hasContent("latin1");
    }
}
