package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Incident;
import app.mamori.catalog.IncidentKind;
import app.mamori.engine.PruneJobPlan;
import app.mamori.engine.PruneResult;
import app.mamori.engine.Pruner;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds and incidents against real prunes of a real vault, after real backups over sshd: a hold
 * taken by another process between a prune's plan and its execution wins.
 */
@ExtendWith(SshdExtension.class)
class HoldPruneTest {
    private Cli cli;
    private Path vault;
    private Path site;
    private String first;
    private String second;
    private String third;

    @BeforeEach
    void threePoints(SshdServer sshd, @TempDir Path tmp) throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        vault = tmp.resolve("vault");
        Files.writeString(site.resolve("index.php"), "one");
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        cli.run("source", "add", "www", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
        cli.run("job", "add", "site", "--sources", "www", "--vault", "v").requireOk();
        first = backup();
        Files.writeString(site.resolve("index.php"), "two");
        second = backup();
        Files.writeString(site.resolve("index.php"), "three");
        third = backup();
        cli.run("job", "set", "site", "--keep-last", "1").requireOk();
    }

    @Test
    void aHoldTakenByAnotherProcessAfterThePlanWinsOverThePrune() {
        try (Catalog pruning = Catalog.open(cli.home().resolve("catalog.db"));
             Catalog other = Catalog.open(cli.home().resolve("catalog.db"))) {
            Pruner pruner = new Pruner(pruning, null, Clock.systemUTC(), ZoneOffset.UTC);
            PruneJobPlan plan = pruner.plan("site");
            assertThat(plan.removals()).extracting(p -> p.id()).containsExactlyInAnyOrder(first, second);

            other.holds().hold(first, "the auditors asked for it");
            Incident incident = other.incidents().open(new Incident.Opening(IncidentKind.FILES_CHANGED,
                    List.of("www"), Optional.empty(), "defaced"));
            other.incidents().close(incident.id());
            PruneResult result = pruner.execute(plan);

            assertThat(result.spared()).containsExactly(first);
            assertThat(result.removed()).containsExactly(second);
            assertThat(result.ok()).isTrue();
            assertThat(pruning.points().find(first)).isPresent();
        }
        assertThat(pointFolders()).containsExactlyInAnyOrder(tail(first), tail(third));
    }

    @Test
    void anOpenIncidentKeepsEveryPointOfItsSourceUntilItIsClosed() {
        JsonNode incident = cli.run("incident", "open", "--sources", "www", "--what", "files-changed",
                "--went-wrong", "2026-11-24 14:00", "--title", "uploads encrypted", "--json").requireOk().json();
        assertThat(incident.get("held").asInt()).isEqualTo(3);
        assertThat(incident.get("what").asText()).isEqualTo("files-changed");
        assertThat(incident.get("closed").isNull()).isTrue();
        long id = incident.get("id").asLong();

        JsonNode kept = cli.run("prune", "site", "--json").requireOk().json();

        assertThat(kept.get("removed")).isEmpty();
        assertThat(kept.get("keep").toString()).contains("held (incident " + id + ": uploads encrypted)");
        assertThat(cli.run("points", "site").requireOk().out()).contains("held (incident " + id + ": uploads encrypted)");
        assertThat(cli.run("incident", "list", "--json").requireOk().json()).hasSize(1);
        assertThat(cli.run("points", "release", first).err()).contains(first).contains("incident " + id);

        cli.run("incident", "close", Long.toString(id)).requireOk();
        JsonNode pruned = cli.run("prune", "site", "--json").requireOk().json();

        assertThat(cli.run("incident", "list", "--json").requireOk().json()).isEmpty();
        assertThat(cli.run("incident", "list", "--all", "--json").requireOk().json()).hasSize(1);
        assertThat(pruned.get("removed")).hasSize(2);
        assertThat(pointFolders()).containsExactly(tail(third));
    }

    @Test
    void aPointHeldByHandStaysUntilReleasedAndReleasingAnUnheldPointIsAnError() {
        assertThat(cli.run("points", "hold", first, "--reason", "tax year 2026").requireOk().out()).contains(first);
        assertThat(cli.run("points", "site", "--json").requireOk().json().toString())
                .contains("\"held\":\"tax year 2026\"");

        cli.run("prune", "site").requireOk();
        assertThat(pointFolders()).containsExactlyInAnyOrder(tail(first), tail(third));

        assertThat(cli.run("points", "release", first).requireOk().out()).contains("released the hold on " + first);
        Cli.Result again = cli.run("points", "release", first);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains(first).contains("neither held nor a pre-restore safety point");
        cli.run("prune", "site").requireOk();
        assertThat(pointFolders()).containsExactly(tail(third));
    }

    @Test
    void aFolderThatCannotBeDeletedStaysOnDiskAndARebuildFindsItAgain() throws Exception {
        Path manifest = vault.resolve("web/site").resolve(tail(first)).resolve("manifest.json");
        Path aside = manifest.resolveSibling("manifest.aside");
        Files.move(manifest, aside);

        Cli.Result r = cli.run("prune", "site", "--json");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(first).contains("stays on disk").contains("mamori catalog rebuild");
        assertThat(pointFolders()).containsExactlyInAnyOrder(tail(third));
        assertThat(vault.resolve("web/site").resolve(tail(first))).isDirectory();
        Files.move(aside, manifest);

        cli.run("catalog", "rebuild", "--vault", "v").requireOk();

        assertThat(cli.run("points", "site", "--json").requireOk().json().toString()).contains(first);
    }

    private String backup() {
        return cli.run("backup", "site", "--json").requireOk().json().get("point").get("id").asText();
    }

    private List<String> pointFolders() {
        try (Stream<Path> s = Files.walk(vault, 3)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).map(p -> p.getFileName().toString())
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tail(String id) {
        return id.substring(id.indexOf('/') + 1);
    }
}
