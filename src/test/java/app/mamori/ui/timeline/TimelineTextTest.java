package app.mamori.ui.timeline;

import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelinePoint;
import app.mamori.catalog.TimelineRun;
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

    /** A failed run's hover says how it ended and why in Japanese, from the event that recorded its end. */
    @Test
    void aFailedRunIsSaidInTheAppsLanguage() {
        Instant at = Instant.parse("2026-12-01T02:30:00Z");
        Event ended = Event.at(at, EventLevel.ERROR, "run-failed", "job blog on server web: web refused the connection")
                .withPhrase("runFailedOnServer", "blog", "web", "sshRefused", "web", "22").withJob("blog").withRun(7);
        TimelineRun run = new TimelineRun(7, "blog", at, RunStatus.FAILED,
                Optional.of("job blog on server web: web refused the connection"), Optional.of(ended));

        assertThat(ja.run(run)).startsWith("2026-12-01 02:30:00 の実行 失敗")
                .contains("ジョブ blog のバックアップが、サーバー web で失敗しました").doesNotContain("refused");
        assertThat(ja.run(new TimelineRun(8, "blog", at, RunStatus.CANCELLED, Optional.of("cancelled by the admin"))))
                .as("no event: the stored English").endsWith("cancelled by the admin");
    }
}
