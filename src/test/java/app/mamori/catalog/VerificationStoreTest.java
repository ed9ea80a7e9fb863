package app.mamori.catalog;

import static app.mamori.catalog.Fixtures.blogPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.mamori.catalog.Verification.Method;
import app.mamori.catalog.Verification.Result;
import app.mamori.model.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationStoreTest {
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        Fixtures.addBlogJob(catalog);
        long run = catalog.runs().start("blog", ProcessHandle.current().pid());
        catalog.points().record(blogPoint("p1", T, RunStatus.SUCCEEDED), run, PointKind.NORMAL);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    static Verification check(String source, Instant time, Method m, Result r, Duration recovery) {
        return new Verification("p1", source, "blog", time, m, r, m.id() + " of " + source, Duration.ofMillis(12),
                Optional.ofNullable(recovery));
    }

    @Test
    void latestIsTheNewestCheckOfEachArtifactWithItsRecoveryTime() {
        catalog.verifications().record(check("blog-db", T, Method.CHECKSUM, Result.VERIFIED, null));
        catalog.verifications().record(check("blog-db", T, Method.DRILL, Result.VERIFIED, Duration.ofMillis(4321)));
        catalog.verifications().record(check("uploads", T, Method.CHECKSUM, Result.VERIFIED, null));
        catalog.verifications().record(check("uploads", T.plusSeconds(60), Method.CHECKSUM, Result.FAILED, null));

        assertThat(catalog.verifications().latest("p1", "blog-db")).get()
                .extracting(Verification::method, Verification::recovery)
                .containsExactly(Method.DRILL, Optional.of(Duration.ofMillis(4321)));
        assertThat(catalog.verifications().latestOfPoint("p1").get("uploads").failed()).isTrue();
        assertThat(catalog.verifications().latestOfJob("blog").get("p1")).containsOnlyKeys("blog-db", "uploads");
        assertThat(catalog.verifications().forPoint("p1")).hasSize(4);
        assertThat(catalog.verifications().forJob("blog").get(0).time()).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void checksGoWithTheirPointAndNeedAnArtifact() {
        catalog.verifications().record(check("blog-db", T, Method.FORMAT, Result.VERIFIED, null));
        assertThatThrownBy(() -> catalog.verifications().record(check("nope", T, Method.FORMAT, Result.VERIFIED, null)))
                .hasMessageContaining("no artifact of source 'nope'");

        catalog.points().remove("p1");

        assertThat(catalog.verifications().forPoint("p1")).isEmpty();
        assertThat(catalog.verifications().latest("p1", "blog-db")).isEmpty();
    }
}
