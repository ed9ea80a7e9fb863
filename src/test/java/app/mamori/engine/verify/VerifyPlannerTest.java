package app.mamori.engine.verify;

import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification.Method;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Which checks and commands a verification plans, from hand-made catalogue data: no catalogue, vault or server. */
class VerifyPlannerTest {
    private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");
    private static final Server DB1 = new Server("db1", "db1.lan", 22, "backup", Optional.empty(), Optional.empty());
    private static final Server NAS = new Server("nas1", "nas1.lan", 22, "backup", Optional.empty(), Optional.empty());
    private static final Vault LOCAL = new Vault("local", "/mnt/nas/mamori", Optional.empty());
    private static final Vault ON_SERVER = new Vault("hdd", "/srv/backup hdd", Optional.of("nas1"));
    private static final Source.Database SHOP = new Source.Database("shopdb", "db1", SourceKind.POSTGRES, "shop",
            Optional.of("127.0.0.1"), Optional.empty(), Optional.of("shop"), Optional.of("pg15"), true);
    private static final Source.Database WP = new Source.Database("wpdb", "db1", SourceKind.MYSQL, "wp",
            Optional.empty(), Optional.empty(), Optional.of("wp"), Optional.empty(), true);
    private static final Source.Sqlite TOOL = new Source.Sqlite("tooldb", "db1", "/srv/tool/tool.db");
    private static final Source.Files WWW = new Source.Files("www", "db1", List.of("/var/www"), List.of());
    private static final Map<String, Source> SOURCES = Map.of("shopdb", SHOP, "wpdb", WP, "tooldb", TOOL, "www", WWW);
    private static final Function<String, Optional<Server>> SERVERS =
            n -> Optional.ofNullable(Map.of("db1", DB1, "nas1", NAS).get(n));

    private static RecordedPoint point(String id, RunStatus status, String vault) {
        List<Artifact> artifacts = List.of(new Artifact("shopdb", SourceKind.POSTGRES, "shopdb.pgdump", 10, "aa"),
                new Artifact("wpdb", SourceKind.MYSQL, "wpdb.sql.zst", 10, "bb"),
                new Artifact("tooldb", SourceKind.SQLITE, "tooldb.sqlite.zst", 10, "cc"),
                new Artifact("www", SourceKind.FILES, "www", 10, "dd"));
        return new RecordedPoint(new RestorePoint(id, "db1", "shop", vault, T, status, "db1/shop/" + id.substring(5),
                artifacts), OptionalLong.of(1), PointKind.NORMAL, Map.of("wpdb",
                Map.of("command", "exec /usr/bin/mysqldump --single-transaction")));
    }

    private static VerifyPlan plan(List<RecordedPoint> points, Map<String, Source> sources, boolean drill) {
        return VerifyPlanner.build(points, n -> Optional.ofNullable(sources.get(n)), SERVERS,
                n -> n.equals("hdd") ? ON_SERVER : LOCAL, drill, "a1b2c3");
    }

    @Test
    void everyArtifactGetsChecksumAndFormatAndDatabasesAndTreesGetDrills() {
        VerifyPlan plan = plan(List.of(point("shop/20261120T020000Z", RunStatus.SUCCEEDED, "local")), SOURCES, true);

        assertThat(plan.items()).extracting(i -> i.artifact().source() + ":" + i.checks()).containsExactly(
                "shopdb:[CHECKSUM, FORMAT, DRILL]", "wpdb:[CHECKSUM, FORMAT, DRILL]", "tooldb:[CHECKSUM, FORMAT, DRILL]",
                "www:[CHECKSUM, FORMAT, DRILL]");
        assertThat(plan.items().get(3).scratch()).hasValueSatisfying(d -> assertThat(d).startsWith("/var/tmp/mamori_drill_"));
        assertThat(plan.items().get(3).commands()).anyMatch(c -> c.startsWith("case /var/tmp/mamori_drill_")
                && c.contains("rm -rf"));
        assertThat(plan.items().get(0).file()).isEqualTo("/mnt/nas/mamori/db1/shop/20261120T020000Z/shopdb.pgdump");
    }

    @Test
    void withoutDrillNoScratchTargetIsPlanned() {
        VerifyPlan plan = plan(List.of(point("shop/20261120T020000Z", RunStatus.SUCCEEDED, "local")), SOURCES, false);

        assertThat(plan.items()).allSatisfy(i -> {
            assertThat(i.checks()).doesNotContain(Method.DRILL);
            assertThat(i.scratch()).isEmpty();
        });
    }

    @Test
    void theCommandsAreSpelledOutWithScratchNamesOfThisVerificationAndTheRemovalLast() {
        VerifyPlan plan = plan(List.of(point("shop/20261120T020000Z", RunStatus.SUCCEEDED, "local")), SOURCES, true);
        VerifyPlan.Item shop = plan.items().get(0);
        VerifyPlan.Item wp = plan.items().get(1);
        VerifyPlan.Item tool = plan.items().get(2);

        assertThat(shop.scratch()).hasValue("mamori_drill_a1b2c3_0");
        assertThat(shop.commands().get(0)).startsWith("docker exec -i pg15 pg_restore --list");
        assertThat(shop.commands()).anyMatch(c -> c.contains("CREATE DATABASE \"mamori_drill_a1b2c3_0\""));
        assertThat(shop.commands().get(shop.commands().size() - 1)).contains("DROP DATABASE IF EXISTS")
                .contains("mamori_drill_a1b2c3_0");
        assertThat(wp.commands()).as("the client matches the dump tool").anyMatch(c -> c.contains("exec mysql "))
                .noneMatch(c -> c.contains("mariadb "));
        assertThat(wp.commands().get(wp.commands().size() - 1)).contains("DROP DATABASE IF EXISTS `mamori_drill_a1b2c3_1`");
        assertThat(tool.scratch()).hasValue("/var/tmp/mamori_drill_a1b2c3_2.db");
        assertThat(tool.commands().get(0)).contains("PRAGMA integrity_check");
        assertThat(tool.commands().get(tool.commands().size() - 1)).startsWith("rm -f -- /var/tmp/mamori_drill_a1b2c3_2.db");
        assertThat(plan.items()).allSatisfy(i -> assertThat(String.join("\n", i.commands())).doesNotContain("secret"));
    }

    @Test
    void aVaultOnAServerIsHashedThereOnly() {
        VerifyPlan plan = plan(List.of(point("shop/20261120T020000Z", RunStatus.SUCCEEDED, "hdd")), SOURCES, true);

        assertThat(plan.items()).allSatisfy(i -> {
            assertThat(i.checks()).containsExactly(Method.CHECKSUM);
            assertThat(i.vaultServer()).hasValue(NAS);
            assertThat(i.notes()).singleElement().asString().contains("on server nas1");
        });
        assertThat(plan.items().get(0).commands()).containsExactly(
                "f='/srv/backup hdd/db1/shop/20261120T020000Z/shopdb.pgdump'; sha256sum < \"$f\" && stat -c %s -- \"$f\"");
        assertThat(plan.items().get(3).commands()).hasSize(2);
        assertThat(plan.items().get(3).commands().get(0)).isEqualTo("cat -- '/srv/backup hdd/db1/shop/20261120T020000Z/www/index.jsonl.zst'");
        assertThat(plan.items().get(3).commands().get(1)).contains("sha256sum");
    }

    @Test
    void aRemovedSourceIsCheckedInTheVaultOnlyAndFailedPointsAreLeftOut() {
        VerifyPlan plan = plan(List.of(point("shop/20261121T020000Z", RunStatus.FAILED, "local"),
                point("shop/20261120T020000Z", RunStatus.SUCCEEDED, "local")), Map.of("wpdb", WP), true);

        assertThat(plan.items()).extracting(VerifyPlan.Item::pointId).containsOnly("shop/20261120T020000Z");
        assertThat(plan.items()).extracting(i -> i.artifact().source() + ":" + i.checks()).containsExactly(
                "shopdb:[CHECKSUM]", "wpdb:[CHECKSUM, FORMAT, DRILL]", "tooldb:[CHECKSUM]", "www:[CHECKSUM, FORMAT]");
        assertThat(plan.items().get(0).notes()).anyMatch(n -> n.contains("no longer configured"));
    }
}
