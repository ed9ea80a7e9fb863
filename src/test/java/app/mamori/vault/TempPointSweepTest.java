package app.mamori.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up sweep removes only temp points Mamori made and whose writer is provably gone:
 * never a folder someone else named {@code .tmp-*}, never another workstation's point in progress
 * on a shared vault.
 */
class TempPointSweepTest {
    private static final Instant T = Instant.parse("2026-11-24T15:30:12Z");

    @TempDir
    Path root;

    @Test
    void aTempPointOfAnEndedProcessOnThisWorkstationIsRemovedAndALiveOneKept() throws Exception {
        Path dead = tempPoint("s/j", "20260101T000000Z", new TempPointOwner(thisHost(), deadPid(), Optional.empty()));
        Files.writeString(dead.resolve("half.sql.zst"), "partial");
        Path alive;
        try (PointWriter w = new LocalVault(root).begin("s", "j", T)) {
            alive = root.resolve("s/j/.tmp-" + w.id() + "." + ProcessHandle.current().pid());
            assertThat(alive.resolve(TempPointOwner.FILE_NAME)).exists();

            LocalVault.Sweep sweep = new LocalVault(root).removeTempPoints();

            assertThat(sweep.removed()).isEqualTo(1);
            assertThat(dead).doesNotExist();
            assertThat(alive).exists();
        }
    }

    @Test
    void aPidNowUsedByAnotherProcessDoesNotKeepALeftoverAlive() throws Exception {
        TempPointOwner self = TempPointOwner.current();
        Path reused = tempPoint("s/j", "20260101T000000Z", new TempPointOwner(self.host(), self.pid(),
                Optional.of(self.started().orElseThrow().minus(Duration.ofHours(5)))));

        new LocalVault(root).removeTempPoints();

        assertThat(reused).doesNotExist();
    }

    @Test
    void foldersMamoriDidNotMakeAreNeverRemovedWhateverTheirName() throws Exception {
        long dead = deadPid();
        List<Path> notOurs = List.of(
                Files.createDirectories(root.resolve(".tmp-photos")),
                Files.createDirectories(root.resolve("s/.tmp-" + dead)),
                Files.createDirectories(root.resolve("s/j/.tmp-notes")),
                Files.createDirectories(root.resolve("s/j/.tmp-20260101T000000Z." + dead)),
                Files.createDirectories(root.resolve("s/j/p/.tmp-20260101T000000Z." + dead)));
        for (Path p : notOurs) {
            Files.writeString(p.resolve("precious.txt"), "keep me");
        }

        LocalVault.Sweep sweep = new LocalVault(root).removeTempPoints();

        assertThat(sweep.removed()).isZero();
        assertThat(notOurs).allSatisfy(p -> assertThat(p.resolve("precious.txt")).exists());
        assertThat(sweep.notes()).anySatisfy(n -> assertThat(n).contains(".tmp-20260101T000000Z." + dead)
                .contains("no .mamori-writer marker"));
    }

    @Test
    void anotherWorkstationsPointInProgressOnASharedVaultIsLeftAloneUntilClearlyStale() throws Exception {
        long pid = deadPid(); // not alive here, as another machine's pid usually is not
        Path writing = tempPoint("s/j", "20260101T000000Z", new TempPointOwner("other-workstation", pid,
                Optional.of(Instant.now().minus(Duration.ofHours(20)))));
        Path abandoned = tempPoint("s/j", "20251201T000000Z", new TempPointOwner("other-workstation", pid,
                Optional.of(Instant.now().minus(TempPointOwner.OTHER_HOST_STALE).minus(Duration.ofHours(1)))));

        LocalVault.Sweep sweep = new LocalVault(root).removeTempPoints();

        assertThat(writing).exists();
        assertThat(abandoned).doesNotExist();
        assertThat(sweep.notes()).anySatisfy(n -> assertThat(n).startsWith("left " + writing)
                .contains("workstation other-workstation"));
    }

    @Test
    void theMarkerIsNotPartOfACommittedPoint() throws Exception {
        Path dir;
        try (PointWriter w = new LocalVault(root).begin("s", "j", T)) {
            dir = w.commit(new Manifest(Manifest.FORMAT, w.id(), "s", "h", "SHA256:x", "j", "v", T, T, "test", List.of()));
        }
        assertThat(dir.resolve(TempPointOwner.FILE_NAME)).doesNotExist();
    }

    @Test
    void aMarkerRoundTripsAndForeignTextIsNotOne() {
        TempPointOwner owner = new TempPointOwner("ws1", 42, Optional.of(T));

        assertThat(TempPointOwner.parse(owner.format())).contains(owner);
        assertThat(TempPointOwner.parse("host=ws1\npid=42\n")).isEmpty();
        assertThat(TempPointOwner.parse("mamori temp point\nhost=ws1\npid=x\n")).isEmpty();
    }

    private Path tempPoint(String jobDir, String id, TempPointOwner owner) throws Exception {
        Path dir = Files.createDirectories(root.resolve(jobDir).resolve(".tmp-" + id + "." + owner.pid()));
        Files.writeString(dir.resolve(TempPointOwner.FILE_NAME), owner.format());
        return dir;
    }

    private static String thisHost() {
        return TempPointOwner.current().host();
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
