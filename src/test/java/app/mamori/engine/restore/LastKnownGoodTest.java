package app.mamori.engine.restore;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class LastKnownGoodTest {
    private static final Instant T = Instant.parse("2026-12-05T14:10:00Z");

    private static RecordedPoint point(String id, Instant time, RunStatus status, PointKind kind) {
        RestorePoint p = new RestorePoint(id, "db1", "shop", "nas", time, status, "db1/" + id,
                List.of(new Artifact("shopdb", SourceKind.POSTGRES, "shopdb.pgdump", 10, "aa")));
        return new RecordedPoint(p, OptionalLong.of(1), kind, Map.of());
    }

    private static final RecordedPoint AFTER = point("shop/a", T.plusSeconds(60), RunStatus.SUCCEEDED, PointKind.NORMAL);
    private static final RecordedPoint UNCHECKED = point("shop/u", T.minusSeconds(60), RunStatus.SUCCEEDED, PointKind.NORMAL);
    private static final RecordedPoint SAFETY = point("shop/s", T.minusSeconds(90), RunStatus.SUCCEEDED, PointKind.PRE_RESTORE);
    private static final RecordedPoint DAMAGED = point("shop/d", T.minusSeconds(120), RunStatus.SUCCEEDED, PointKind.NORMAL);
    private static final RecordedPoint VERIFIED = point("shop/v", T.minusSeconds(3600), RunStatus.SUCCEEDED, PointKind.NORMAL);
    private static final RecordedPoint FAILED_RUN = point("shop/f", T.minusSeconds(30), RunStatus.FAILED, PointKind.NORMAL);
    private static final List<RecordedPoint> ALL = List.of(AFTER, FAILED_RUN, UNCHECKED, SAFETY, DAMAGED, VERIFIED);

    private static PointCheck check(RecordedPoint p) {
        PointCheck.State s = p == VERIFIED || p == AFTER ? PointCheck.State.VERIFIED
                : p == DAMAGED ? PointCheck.State.FAILED : PointCheck.State.UNVERIFIED;
        return new PointCheck(s, Optional.of(T), Optional.empty());
    }

    @Test
    void theNewestVerifiedPointBeforeTheIncidentWinsOverNewerUncheckedAndDamagedOnes() {
        LastKnownGood.Choice c = LastKnownGood.choose(ALL, Optional.of(T), LastKnownGoodTest::check);
        assertThat(c.point()).contains(VERIFIED);
        assertThat(c.why()).isEqualTo(LastKnownGood.Why.VERIFIED);
        assertThat(c.skipped()).as("the unchecked and the damaged point, not the failed run or the safety copy")
                .isEqualTo(2);
    }

    @Test
    void withoutATimeTheNewestVerifiedPointOfAllIsChosen() {
        assertThat(LastKnownGood.choose(ALL, Optional.empty(), LastKnownGoodTest::check).point()).contains(AFTER);
    }

    @Test
    void withNoVerifiedPointTheNewestOneNotFoundDamagedIsChosenAndSaidToBeUnchecked() {
        LastKnownGood.Choice c = LastKnownGood.choose(List.of(AFTER, UNCHECKED, DAMAGED), Optional.of(T),
                LastKnownGoodTest::check);
        assertThat(c.point()).contains(UNCHECKED);
        assertThat(c.why()).isEqualTo(LastKnownGood.Why.NOT_CHECKED);
    }

    @Test
    void whenEveryPointBeforeTheTimeIsDamagedNothingIsChosen() {
        LastKnownGood.Choice c = LastKnownGood.choose(List.of(AFTER, DAMAGED), Optional.of(T), LastKnownGoodTest::check);
        assertThat(c.point()).isEmpty();
        assertThat(c.why()).isEqualTo(LastKnownGood.Why.NONE);
    }

    @Test
    void theCommandLineRestoresTheSamePointToTheSameTargetWithOddNamesQuoted() {
        RestorePlanner.Request r = new RestorePlanner.Request("up loads", new PointChoice.Latest(),
                new RestoreTarget.InPlace(), true, List.of("/srv/it's here"), List.of());
        assertThat(RestoreCommandLine.of(r, "files/20261205T020000Z")).isEqualTo("mamori restore --source 'up loads'"
                + " --point files/20261205T020000Z --in-place --include '/srv/it'\\''s here' --yes");
    }
}
