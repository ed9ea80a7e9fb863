package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files snapshots are durable file by file, and a restore proves every stored file against the
 * snapshot's index before it writes anything, so a damaged vault cannot leave a target half done.
 */
@ExtendWith(SshdExtension.class)
class SnapshotDurabilityTest {
    private static final int FILES = 40;
    private Cli cli;
    private Path tmp;
    private Path site;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        site = Files.createDirectories(tmp.resolve("site"));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(site.resolve(String.format("f%02d.txt", i)), "content " + i + "\n".repeat(i));
        }
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("source", "add", "site", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
        cli.run("job", "add", "blog", "--sources", "site", "--vault", "local").requireOk();
    }

    @Test
    void everyFetchedFileIsSyncedToDiskBeforeThePointIsCommitted() throws Exception {
        Path trace = tmp.resolve("strace.out");
        Process backup = new ProcessBuilder("strace", "-f", "-qq", "-e", "trace=fdatasync", "-e", "signal=none",
                "-o", trace.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.mamori.Main", "--home", cli.home().toString(),
                "backup", "blog").redirectErrorStream(true).redirectOutput(tmp.resolve("backup.out").toFile()).start();
        assertThat(backup.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(backup.exitValue()).as(Files.readString(tmp.resolve("backup.out"))).isZero();

        long synced;
        try (Stream<String> lines = Files.lines(trace, StandardCharsets.ISO_8859_1)) {
            // a call on one thread while another runs is split: "fdatasync(5 <unfinished ...>", then "resumed"
            synced = lines.filter(l -> l.contains("fdatasync(") && !l.contains("= -1")).count();
        }
        assertThat(synced).as("one fdatasync per fetched file").isGreaterThanOrEqualTo(FILES);
    }

    @Test
    void anInPlaceRestoreFromASnapshotWithADamagedFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        cli.run("backup", "blog").requireOk();
        Path stored;
        try (Stream<Path> s = Files.walk(tmp.resolve("vault"))) {
            stored = s.filter(p -> p.getFileName().toString().equals("f39.txt")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[0] ^= 1; // same size, other content: only the hash can tell
        stored.toFile().setWritable(true);
        Files.write(stored, bytes);
        Files.writeString(site.resolve("f00.txt"), "changed after the backup");

        Cli.Result r = cli.run("restore", "--source", "site", "--in-place", "--no-safety-backup", "--yes");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("f39.txt").contains("corrupted").contains("nothing was restored");
        assertThat(site.resolve("f00.txt")).hasContent("changed after the backup");
    }
}
