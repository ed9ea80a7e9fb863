package app.mamori.ui.timeline;

import app.mamori.catalog.PointKind;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.Verification;
import app.mamori.model.Note;
import app.mamori.model.RunStatus;
import app.mamori.ui.fx.I18n;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What the timeline's hover text says of a point whose check failed. */
class TimelineTextTest {
    private final TimelineText ja = new TimelineText(new I18n(Locale.JAPANESE), ZoneOffset.UTC);

    private static String hover(TimelineText text, Note found) {
        TimelinePoint p = new TimelinePoint("blog/p1", "blog", "web", "db", Instant.parse("2026-12-01T00:00:00Z"),
                RunStatus.SUCCEEDED, TimelinePoint.Check.FAILED, Optional.of(Instant.parse("2026-12-02T00:00:00Z")),
                Optional.of(found), Optional.empty(), 100, OptionalLong.empty(), "a", PointKind.NORMAL, false);
        LaneData lane = LaneData.of(new TimelineLane("web", "blog", "db", "sqlite"), List.of(p), List.of(), List.of());
        return text.mark(lane, 0, Map.of());
    }

    @Test
    void aFailedCheckIsSaidInTheAppsLanguageWithItsFileKept() {
        Note missing = Note.of("checksumMissing", "/vault/db.sqlite.zst is missing from the vault", "/vault/db.sqlite.zst");

        assertThat(hover(ja, missing)).contains("保管庫に /vault/db.sqlite.zst がありません")
                .doesNotContain("is missing from the vault");
    }

    @Test
    void aCheckRecordedWithoutAKeyShowsItsEnglish() {
        assertThat(hover(ja, Verification.asStored("checksum failed"))).contains("\nchecksum failed\n");
    }
}
