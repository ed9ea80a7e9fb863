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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed restore tells the admin about the target, and the report it leaves. */
class TargetStateTest {
    private static final Server SERVER = new Server("db1", "db1.lan", 22, "backup", Optional.empty(), Optional.empty());
    private static final Vault VAULT = new Vault("nas", "/mnt/nas", Optional.empty());
    private static final Source.Database WP = new Source.Database("wpdb", "db1", SourceKind.MYSQL, "wp",
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    private static final Source.Database SHOP = new Source.Database("shopdb", "db1", SourceKind.POSTGRES, "shop",
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);

    private static RestorePlan plan(Source.Database source, RestoreTarget target) {
        RestorePoint p = new RestorePoint("site/20261121T020000Z", "db1", "site", "nas",
                Instant.parse("2026-11-21T02:00:00Z"), RunStatus.SUCCEEDED, "db1/site/20261121T020000Z",
                List.of(new Artifact(source.name(), source.kind(), source.name() + ".dump", 1, "ab")));
        return RestorePlanner.build(source, SERVER, VAULT, new RecordedPoint(p, OptionalLong.of(1), PointKind.NORMAL,
                Map.of()), Optional.of(new Job("site", List.of("wpdb", "shopdb"), "nas")), target, true);
    }

    @Test
    void aHalfDoneMysqlInPlaceRestoreGivesTheCommandBackToTheSafetyPoint() {
        String state = TargetState.describe(plan(WP, new RestoreTarget.InPlace()), 0, Optional.of("site/20261124T160501Z"));

        assertThat(state).contains("wp may be partly restored")
                .contains("mamori restore --source wpdb --point site/20261124T160501Z --in-place --no-safety-backup --yes");
    }

    @Test
    void aFailedPostgresRestoreWasRolledBack() {
        assertThat(TargetState.describe(plan(SHOP, new RestoreTarget.InPlace()), 0, Optional.of("site/x")))
                .contains("as it was before the restore").contains("rolled back");
        assertThat(TargetState.describe(plan(SHOP, new RestoreTarget.NewDatabase("shop_copy")), 1, Optional.empty()))
                .contains("shop_copy was created and is empty").contains("DROP DATABASE \"shop_copy\"");
    }

    @Test
    void failingBeforeAnyCommandChangedNothing() {
        assertThat(TargetState.describe(plan(WP, new RestoreTarget.NewDatabase("wp_copy")), -1, Optional.empty()))
                .isEqualTo("Nothing on the server was changed.");
        assertThat(TargetState.describe(plan(WP, new RestoreTarget.NewDatabase("wp_copy")), 0, Optional.empty()))
                .contains("the new database was not created");
    }

    @Test
    void theReportSaysWhoWhatWhereTheCommandsAndTheOutcome() {
        RestorePlan plan = plan(WP, new RestoreTarget.InPlace());
        RestoreResult failed = new RestoreResult(false, plan, Optional.of("site/20261124T160501Z"), "load failed",
                "wp may be partly restored.", Duration.ofSeconds(3), Optional.empty());

        String text = RestoreReport.text(plan, "alice", Instant.parse("2026-11-24T16:05:00Z"), failed,
                List.of(new RestoreReport.Step("load the SQL dump into wp", Duration.ofMillis(2500))));

        assertThat(text).startsWith("# Restore of wpdb: FAILED").contains("- who: alice")
                .contains("- point: site/20261121T020000Z").contains("restore point site/20261124T160501Z")
                .contains("failed: load failed").contains("wp may be partly restored")
                .contains(plan.commands().get(0).command()).contains("load the SQL dump into wp: 2.5 s");
    }
}
