package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prune killed with kill -9 while it deletes a point's files leaves nothing that looks like a
 * restore point: a catalogue rebuilt from the vault finds only whole points, which all verify,
 * and the next start sweeps what the dead prune left.
 */
@ExtendWith(SshdExtension.class)
class KilledPruneTest {
    private static final int FILES = 4_000;

    @Test
    void aPruneKilledMidDeleteLeavesNoHalfPointForARebuildToFind(SshdServer sshd, @TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        for (int d = 0; d < FILES / 500; d++) {
            Path dir = Files.createDirectories(site.resolve("d" + d));
            for (int f = 0; f < 500; f++) {
                Files.writeString(dir.resolve("f" + f + ".txt"), "file " + d + "/" + f);
            }
        }
        Path vault = tmp.resolve("vault");
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "www", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
        cli.run("job", "add", "site", "--sources", "www", "--vault", "v").requireOk();
        cli.run("backup", "site").requireOk();
        Thread.sleep(1100); // point ids are to the second
        Files.writeString(site.resolve("d0/f0.txt"), "changed");
        cli.run("backup", "site").requireOk();
        cli.run("job", "set", "site", "--keep-last", "1").requireOk();
        Path jobDir = vault.resolve("web").resolve("site");
        Path older = points(jobDir).get(1);
        List<Path> samples = new ArrayList<>();
        try (Stream<Path> s = Files.walk(older)) {
            s.filter(Files::isRegularFile).forEach(samples::add);
        }

        Process prune = cli.start(tmp.resolve("prune.out"), "prune", "site");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        // kill as soon as the older point starts to go: its folder renamed, or any of its files gone
        while (Files.exists(older) && samples.stream().limit(400).allMatch(Files::exists)) {
            assertThat(prune.isAlive()).as("prune still running: " + Files.readString(tmp.resolve("prune.out")))
                    .isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(2);
        }
        prune.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(prune.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Cli fresh = new Cli(tmp.resolve("home2"));
        fresh.addServer("web", sshd);
        fresh.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        fresh.run("catalog", "rebuild", "--vault", "v").requireOk();
        JsonNode rebuilt = fresh.run("points", "--json").requireOk().json();
        assertThat(rebuilt).as("points a rebuild finds after the killed prune").hasSize(1);
        assertThat(rebuilt.get(0).get("id").asText()).isEqualTo("site/" + points(jobDir).get(0).getFileName());
        fresh.run("verify", "--all").requireOk();

        cli.run("points", "--json").requireOk(); // a start: sweeps the dead prune's folder
        try (Stream<Path> s = Files.list(jobDir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("the job's folder after the next start")
                    .containsExactly(points(jobDir).get(0).getFileName().toString());
        }
    }

    /** The job's point folders, newest first. */
    private static List<Path> points(Path jobDir) throws Exception {
        try (Stream<Path> s = Files.list(jobDir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(java.util.Comparator.comparing(Path::toString).reversed()).toList();
        }
    }
}
