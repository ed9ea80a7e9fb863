package app.mamori.engine.restore;

import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.source.RestoreCommand;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner's choices and checks, on hand-made catalogue data: no catalogue, vault or server. */
class RestorePlannerTest {
    private static final Instant T1 = Instant.parse("2026-11-20T02:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-22T02:00:00Z");
    private static final Server SERVER = new Server("db1", "db1.lan", 22, "backup", Optional.empty(), Optional.empty());
    private static final Vault VAULT = new Vault("nas", "/mnt/nas/mamori", Optional.empty());
    private static final Source.Database SHOP = new Source.Database("shopdb", "db1", SourceKind.POSTGRES, "shop",
            Optional.of("127.0.0.1"), Optional.empty(), Optional.of("shop"), Optional.empty(), true);
    private static final Source.Database WP = new Source.Database("wpdb", "db1", SourceKind.MYSQL, "wp",
            Optional.empty(), Optional.empty(), Optional.of("wp"), Optional.empty(), true);
    private static final Source.Sqlite TOOL = new Source.Sqlite("tooldb", "db1", "/srv/tool/tool.db");
    private static final Job JOB = new Job("shop", List.of("shopdb", "wpdb", "tooldb"), "nas");

    private static RecordedPoint point(String id, Instant time, RunStatus status, PointKind kind) {
        List<Artifact> artifacts = List.of(new Artifact("shopdb", SourceKind.POSTGRES, "shopdb.pgdump", 10, "aa"),
                new Artifact("wpdb", SourceKind.MYSQL, "wpdb.sql.zst", 10, "bb"),
                new Artifact("tooldb", SourceKind.SQLITE, "tooldb.sqlite.zst", 10, "cc"));
        RestorePoint p = new RestorePoint(id, "db1", "shop", "nas", time, status, "db1/" + id, artifacts);
        return new RecordedPoint(p, OptionalLong.of(1), kind, Map.of("wpdb", Map.of("compression", "zstd",
                "command", "exec /usr/bin/mariadb-dump --single-transaction")));
    }

    private static final RecordedPoint P1 = point("shop/20261120T020000Z", T1, RunStatus.SUCCEEDED, PointKind.NORMAL);
    private static final RecordedPoint P2 = point("shop/20261121T020000Z", T2, RunStatus.SUCCEEDED, PointKind.NORMAL);
    private static final RecordedPoint SAFETY = point("shop/20261122T020000Z", T3, RunStatus.SUCCEEDED, PointKind.PRE_RESTORE);
    private static final List<RecordedPoint> NEWEST_FIRST = List.of(SAFETY, P2, P1);

    @Test
    void latestIsTheNewestJobPointNotASafetyPoint() {
        assertThat(RestorePlanner.choose(NEWEST_FIRST, "shopdb", new PointChoice.Latest())).isEqualTo(P2);
    }

    @Test
    void atPicksTheNewestPointAtOrBeforeTheTime() {
        assertThat(RestorePlanner.choose(NEWEST_FIRST, "shopdb", new PointChoice.AtOrBefore(T2))).isEqualTo(P2);
        assertThat(RestorePlanner.choose(NEWEST_FIRST, "shopdb", new PointChoice.AtOrBefore(T2.minusSeconds(1))))
                .isEqualTo(P1);
        assertThatThrownBy(() -> RestorePlanner.choose(NEWEST_FIRST, "shopdb", new PointChoice.AtOrBefore(T1.minusSeconds(1))))
                .hasMessageContaining("no restore point at or before").hasMessageContaining(P1.id());
    }

    @Test
    void aSafetyPointIsChosenByItsId() {
        assertThat(RestorePlanner.choose(NEWEST_FIRST, "shopdb", new PointChoice.Id(SAFETY.id()))).isEqualTo(SAFETY);
    }

    @Test
    void anUnknownOrFailedPointOrOneWithoutTheSourceIsRefused() {
        RecordedPoint failed = point("shop/20261123T020000Z", T3, RunStatus.FAILED, PointKind.NORMAL);
        assertThatThrownBy(() -> RestorePlanner.choose(NEWEST_FIRST, "shopdb", new PointChoice.Id("shop/nope")))
                .hasMessageContaining("no restore point 'shop/nope'");
        assertThatThrownBy(() -> RestorePlanner.choose(List.of(failed), "shopdb", new PointChoice.Id(failed.id())))
                .hasMessageContaining("not a complete backup");
        assertThatThrownBy(() -> RestorePlanner.choose(NEWEST_FIRST, "other", new PointChoice.Latest()))
                .hasMessageContaining("has no restore point yet");
    }

    @Test
    void atReadsLocalTimeAndIso8601() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(PointChoice.at("2026-11-24 14:00", paris).time()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
        assertThat(PointChoice.at("2026-11-24T14:00:00Z", paris).time()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(PointChoice.at("2026-11-24T14:00+02:00", paris).time()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThatThrownBy(() -> PointChoice.at("yesterday", paris)).hasMessageContaining("--at");
    }

    @Test
    void postgresToANewDatabaseCreatesItThenRestoresWithThePasswordOnStdin() {
        RestorePlan plan = build(SHOP, P2, new RestoreTarget.NewDatabase("shop_copy"), true);

        assertThat(plan.commands()).extracting(RestoreCommand::command).satisfiesExactly(
                c -> assertThat(c).contains("CREATE DATABASE \"shop_copy\"").startsWith("IFS= read -r PGPASSWORD"),
                c -> assertThat(c).contains("pg_restore --no-owner").contains("dbname='\\''shop_copy'\\''")
                        .doesNotContain("--clean"));
        assertThat(plan.commands()).allMatch(RestoreCommand::secretOnStdin);
        assertThat(plan.safetyBackup()).as("nothing is overwritten, so no safety backup").isEmpty();
        assertThat(plan.artifactFile().toString()).isEqualTo("/mnt/nas/mamori/db1/shop/20261121T020000Z/shopdb.pgdump");
        assertThat(plan.compression()).isEqualTo("none");
    }

    @Test
    void inPlaceTakesASafetyBackupUnlessToldNotTo() {
        RestorePlan plan = build(SHOP, P2, new RestoreTarget.InPlace(), true);
        assertThat(plan.safetyBackup()).contains("shop");
        assertThat(plan.commands()).singleElement().extracting(RestoreCommand::command).asString()
                .contains("--clean").contains("--if-exists").contains("--single-transaction").contains("dbname='\\''shop'\\''");

        RestorePlan bare = build(SHOP, P2, new RestoreTarget.InPlace(), false);
        assertThat(bare.safetyBackup()).isEmpty();
        assertThat(bare.warnings()).anyMatch(w -> w.english().contains("no safety backup"));
    }

    @Test
    void inPlaceWithASafetyBackupNeedsAJobThatStillBacksUpTheSource() {
        assertThatThrownBy(() -> RestorePlanner.build(SHOP, SERVER, VAULT, P2, Optional.empty(),
                new RestoreTarget.InPlace(), true)).hasMessageContaining("--no-safety-backup");
    }

    @Test
    void mysqlUsesTheClientMatchingTheDumpToolAndDecompresses() {
        RestorePlan plan = build(WP, P2, new RestoreTarget.NewDatabase("wp_copy"), true);
        assertThat(plan.commands().get(0).command()).contains("mariadb ").contains("CREATE DATABASE `wp_copy`");
        assertThat(plan.commands().get(1).command()).contains("--database=wp_copy");
        assertThat(plan.compression()).isEqualTo("zstd");
    }

    @Test
    void targetsThatDoNotFitTheSourceAreRefused() {
        assertThatThrownBy(() -> build(SHOP, P2, new RestoreTarget.ToPath("/tmp/x.db"), true))
                .hasMessageContaining("--to-path is for sqlite");
        assertThatThrownBy(() -> build(TOOL, P2, new RestoreTarget.NewDatabase("x"), true))
                .hasMessageContaining("--to-database is for postgres and mysql");
        assertThatThrownBy(() -> build(SHOP, P2, new RestoreTarget.NewDatabase("shop"), true))
                .hasMessageContaining("use --in-place");
        assertThatThrownBy(() -> build(SHOP, P2, new RestoreTarget.NewDatabase("x; DROP"), true))
                .hasMessageContaining("not a plain database name");
        assertThatThrownBy(() -> build(TOOL, P2, new RestoreTarget.ToPath("relative.db"), true))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> build(TOOL, P2, new RestoreTarget.ToPath("/srv/tool/tool.db"), true))
                .hasMessageContaining("use --in-place");
    }

    @Test
    void sqliteToAPathNeverOverwritesAndInPlaceKeepsTheFilesModeAndRefusesAWal() {
        String toPath = build(TOOL, P2, new RestoreTarget.ToPath("/srv/tool/it's here.db"), true).commands().get(0).command();
        assertThat(toPath).contains("ln -- \"$t\" '/srv/tool/it'\\''s here.db'").contains("PRAGMA integrity_check")
                .doesNotContain("mv -f");
        String inPlace = build(TOOL, P2, new RestoreTarget.InPlace(), true).commands().get(0).command();
        assertThat(inPlace).contains("test -s /srv/tool/tool.db-wal").contains("chmod --reference=/srv/tool/tool.db")
                .contains("mv -f -- \"$t\" /srv/tool/tool.db");
    }

    @Test
    void aDumpInAVaultOnTheSameServerIsCheckedThereFirstThenReadThere() {
        Vault remote = new Vault("disk", "/backup", Optional.of("db1"));
        RestorePlan plan = RestorePlanner.build(SHOP, SERVER, remote, P2, Optional.of(JOB),
                new RestoreTarget.NewDatabase("x"), true);
        assertThat(plan.commands().get(0).command()).contains("sha256sum -c").contains("/backup/");
        assertThat(plan.commands()).noneMatch(RestoreCommand::artifactOnStdin);
        assertThat(plan.commands().get(plan.commands().size() - 1).command()).contains("pg_restore")
                .contains("cat -- \"$t\"");
        assertThat(plan.warnings()).anyMatch(w -> w.english().contains("read on server db1"));
    }

    @Test
    void aPointInAVaultOnAnotherServerIsRefused() {
        Vault elsewhere = new Vault("disk", "/backup", Optional.of("nas1"));
        assertThatThrownBy(() -> RestorePlanner.build(SHOP, SERVER, elsewhere, P2, Optional.of(JOB),
                new RestoreTarget.NewDatabase("x"), true)).hasMessageContaining("to another server is not available");
    }

    private static RestorePlan build(Source source, RecordedPoint point, RestoreTarget target, boolean safety) {
        return RestorePlanner.build(source, SERVER, VAULT, point, Optional.of(JOB), target, safety);
    }
}
