package app.mamori.cli;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Fixtures;
import app.mamori.catalog.PointKind;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mamori timeline} over a real catalogue: the documented JSON shape, the text lines, the refusals. */
class TimelineCommandTest {
    private static final Instant T = Instant.parse("2026-11-23T02:30:00Z");

    @TempDir
    Path home;

    @BeforeEach
    void catalogue() throws Exception {
        try (Catalog catalog = Catalog.open(new MamoriHome(home).ensureExists().catalogFile())) {
            Fixtures.addBlogJob(catalog);
            long run = catalog.runs().start("blog", 1);
            catalog.points().record(new RestorePoint("blog/p1", "web", "blog", "nas", T, RunStatus.SUCCEEDED,
                    "web/blog/p1", List.of(new Artifact("blog-db", SourceKind.SQLITE, "blog-db.zst", 1234, "ab"),
                    new Artifact("uploads", SourceKind.FILES, "uploads", 98765, "cd"))), run, PointKind.NORMAL);
            catalog.runs().finish(run, RunStatus.SUCCEEDED, null, null);
            long failed = catalog.runs().start("blog", 1);
            catalog.runs().finish(failed, RunStatus.FAILED, "cannot reach web: connection refused", null);
        }
    }

    private String[] run(int expectedExit, String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        assertThat(code).as("stderr: " + err).isEqualTo(expectedExit);
        return new String[]{out.toString(), err.toString()};
    }

    @Test
    void jsonHasOneLanePerSourceWithItsPointsAndTheJobsFailedRuns() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run(0, "timeline", "--job", "blog", "--from", "2026-11-01",
                "--to", "2100-01-01", "--json")[0]);

        assertThat(json.get("lanes")).hasSize(2);
        JsonNode uploads = json.get("lanes").get(1);
        assertThat(uploads.get("source").asText()).isEqualTo("uploads");
        assertThat(uploads.get("server").asText()).isEqualTo("web");
        assertThat(uploads.get("job").asText()).isEqualTo("blog");
        assertThat(uploads.get("kind").asText()).isEqualTo("files");
        JsonNode point = uploads.get("points").get(0);
        assertThat(point.get("id").asText()).isEqualTo("blog/p1");
        assertThat(point.get("time").asText()).isEqualTo("2026-11-23T02:30:00Z");
        assertThat(point.get("status").asText()).isEqualTo("unchecked");
        assertThat(point.get("size").asLong()).isEqualTo(98765);
        assertThat(point.get("files").isNull()).isTrue();
        assertThat(point.get("keptBy")).extracting(JsonNode::asText).containsExactly("no retention policy");
        assertThat(uploads.get("runs")).singleElement()
                .satisfies(r -> assertThat(r.get("error").asText()).isEqualTo("cannot reach web: connection refused"));
        assertThat(uploads.get("gaps")).isEmpty();
    }

    @Test
    void textShowsEachLaneWithItsPointsAndFailedRunsInTimeOrder() {
        String out = run(0, "timeline", "--server", "web", "--from", "2026-11-01", "--to", "2100-01-01")[0];

        assertThat(out).contains("web / blog / blog-db (sqlite)", "blog/p1  unchecked", "run 2 failed: cannot reach web");
        assertThat(out.indexOf("blog/p1")).isLessThan(out.indexOf("run 2 failed"));
    }

    @Test
    void aWindowOutsideThePointsIsEmptyAndBadTimesOrScopesAreRefusedPlainly() {
        assertThat(run(0, "timeline", "--from", "2020-01-01", "--to", "2020-02-01")[0]).doesNotContain("blog/p1");
        assertThat(run(1, "timeline", "--from", "yesterday")[1]).contains("--from: cannot read 'yesterday'");
        assertThat(run(1, "timeline", "--job", "shop")[1]).contains("job 'shop' does not exist");
        assertThat(run(2, "timeline", "--job", "blog", "--server", "web")[1]).contains("mutually exclusive");
    }
}
