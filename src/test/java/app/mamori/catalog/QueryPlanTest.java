package app.mamori.catalog;

import app.mamori.engine.JobStatuses;
import app.mamori.engine.objective.ObjectiveStatuses;
import app.mamori.ui.timeline.SyntheticHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page, a listing or a status reads must cost the same with three years of history as
 * with a week: every statement the catalogue runs for them is caught as it is prepared, and
 * SQLite's EXPLAIN QUERY PLAN must show it reaching the history tables (points, artifacts, runs,
 * checks, events, file lists) through an index, never a scan of the whole table. Whole-history
 * work (verify everything, a rebuild, the dashboard's per-job totals) is not asked here.
 */
class QueryPlanTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    /** A scan of one of the tables that grow with history, by name or by the alias the queries give it. */
    private static final Pattern HISTORY_SCAN = Pattern.compile(
            "SCAN (restore_points|artifacts|file_lists|file_paths|file_entries|verifications|runs|events|holds|point_copies"
            + "|copy_checks|p|a|r|v|f|h|e|l|x|y|b)\\b");

    private Path file;
    private final List<String> statements = new ArrayList<>();

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        file = dir.resolve("catalog.db");
        SyntheticHistory.write(file, 3, 40, NOW, Duration.ofDays(1));
    }

    @Test
    void listingsPagesAndChoicesReachTheHistoryThroughIndexes() throws Exception {
        Set<String> plans = plansOf(c -> {
            RecordedPoint first = c.points().page("job1", null, 10).get(9);
            c.points().page("job1", first, 10);
            RecordedPoint any = c.points().page(null, null, 10).get(9);
            c.points().page(null, any, 10);
            c.points().newest("job1");
            c.points().find("job1/p3");
            c.points().withIds(List.of("job1/p3", "job2/p4"));
            c.points().newestAndOldestOfSource("src1", NOW.minus(Duration.ofDays(3)));
            c.points().atOrBefore("job1", NOW.minus(Duration.ofDays(3)));
            c.points().briefs("job1");
            c.points().briefs("job1", NOW.minus(Duration.ofDays(7)));
            c.points().released("job1");
            c.verifications().latestOfPoints(List.of("job1/p3", "job2/p4"));
            c.verifications().latestOfJob("job1");
            c.verifications().latest("job1/p3", "src1");
            RecordedPoint ofSource = c.sourceHistory().page("src1", null, 10).get(4);
            c.sourceHistory().page("src1", ofSource, 10);
            c.sourceHistory().newer("src1", ofSource, 10);
            c.sourceHistory().count("src1");
            c.verifications().passedBefore("job1", NOW.minus(Duration.ofDays(3)));
            c.sourceHistory().everVerified("src1");
            c.sourceHistory().walk("src1", java.util.Optional.of(NOW.minus(Duration.ofDays(3))), p -> true);
            c.sourceHistory().walk("src1", java.util.Optional.empty(), p -> false);
            c.holds().ofJob("job1");
            c.holds().safetyOfJob("job1");
            c.holds().safetyOfSource("src1");
            c.runs().latestEnded("job1");
            c.runs().list("job1", 20);
            c.runs().running();
            c.copies().copiesOf(List.of("job1/p3", "job2/p4"));
            c.copies().latestChecksOf(List.of("job1/p3", "job2/p4"));
            c.copies().copiedOfJob("job1", "offsite");
            byte[] www = "/srv/www".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            c.fileIndex().children("job1/p3", "src1", www);
            c.fileIndex().entry("job1/p3", "src1", www);
            c.fileIndex().count("job1/p3", "src1");
            c.fileIndex().versionsOf("src1", www);
            c.history().entriesOf("src1", www);
            c.history().paths(www, null);
            c.history().paths(www, "/srv/wwx".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });

        assertThat(plans).hasSizeGreaterThan(15);
        assertThat(plans.stream().filter(QueryPlanTest::scansHistory)).isEmpty();
        // a folder's children: paths walked in byte order, each one seek into the list, nothing sorted
        assertThat(plans).filteredOn(p -> p.contains("CROSS JOIN file_entries")).singleElement().satisfies(p -> {
            assertThat(p).contains("SEARCH p USING COVERING INDEX sqlite_autoindex_file_paths_1 (path>? AND path<?)",
                    "SEARCH e USING PRIMARY KEY (list=? AND path=?)");
            assertThat(p).doesNotContain("TEMP B-TREE");
        });
        // a job's or a source's safety copies, released or not, are a handful among its points
        assertThat(plans.stream().filter(p -> p.contains("'pre-restore'"))).hasSize(3)
                .allMatch(p -> p.contains("USING INDEX points_safety"));
    }

    @Test
    void theTimelineWindowOfOneJobReadsOnlyThatWindow() throws Exception {
        Set<String> plans = plansOf(c -> {
            TimelineScope job = TimelineScope.job("job1");
            c.timeline().points(job, NOW.minus(Duration.ofDays(7)), NOW);
            c.timeline().runs(job, Set.of(), NOW.minus(Duration.ofDays(7)), NOW);
        });

        assertThat(plans).isNotEmpty();
        assertThat(plans.stream().filter(QueryPlanTest::scansHistory)).isEmpty();
    }

    @Test
    void everyJobsStatusAndSettingsTakeAFixedNumberOfStatementsThroughIndexes() throws Exception {
        Consumer<Catalog> status = c -> {
            JobStatuses.collect(c, NOW, ZoneOffset.UTC);
            ObjectiveStatuses.collect(c, NOW);
            c.copies().copyOfEachJob();
            c.copies().newestCopiedOfEachJob();
            c.retention().all();
            c.stalls().all();
            c.drills().list();
            c.sources().list();
        };
        try (Catalog c = Catalog.open(file, Clock.fixed(NOW, ZoneOffset.UTC))) {
            c.objectives().set("job2", new app.mamori.model.Objectives(java.util.Optional.of(Duration.ofDays(1)),
                    java.util.Optional.of(Duration.ofHours(1))));
            RecordedPoint p = c.points().page("job2", null, 1).get(0);
            c.verifications().record(new Verification(p.id(), "src2", "job2", NOW, Verification.Method.DRILL,
                    Verification.Result.VERIFIED, "3 tables", Duration.ofSeconds(5), java.util.Optional.of(
                    Duration.ofSeconds(4))));
        }
        int ofThreeJobs = plansOf(status).size() + statements.size();
        try (Catalog c = Catalog.open(file, Clock.fixed(NOW, ZoneOffset.UTC))) {
            c.copies().addVault(new app.mamori.model.ObjectVault("cloud", "backups", "", java.util.Optional.empty(), "eu-central-1",
                    true, "AKIA", false));
            for (String job : List.of("job7", "job8", "job9")) {
                c.jobs().add(new app.mamori.model.Job(job, List.of("src1"), "nas"));
                c.schedules().set(job, "daily 02:00");
                c.copies().setCopy(new app.mamori.model.CopySettings(job, "cloud",
                        app.mamori.model.RetentionPolicy.KEEP_ALL));
            }
            c.pauses().pause("job8", java.util.Optional.empty());
            // an RPO only: a drill is still read per source, by VerificationStore.latestDrill
            c.objectives().set("job7", new app.mamori.model.Objectives(java.util.Optional.of(Duration.ofDays(1)),
                    java.util.Optional.empty()));
            c.objectives().set("job9", new app.mamori.model.Objectives(java.util.Optional.of(Duration.ofDays(1)),
                    java.util.Optional.empty()));
        }

        Set<String> plans = plansOf(status);

        assertThat(plans.size() + statements.size()).as("statements with six jobs as with three").isEqualTo(ofThreeJobs);
        assertThat(plans.stream().filter(QueryPlanTest::scansHistory)).isEmpty();
        assertThat(String.join("", plans)).contains("SEARCH runs USING INDEX runs_by_job (job=?)",
                "point>? AND point<?)", "SEARCH verifications USING INDEX verifications_drills (source=?)");
    }

    @Test
    void theCheckCatchesAScan() throws Exception {
        Set<String> plans = plansOf(c -> c.db().autocommit(s -> Rows.query(s,
                "SELECT id FROM restore_points WHERE location LIKE ?", r -> r.getString(1), "%p3")));

        assertThat(plans).anyMatch(QueryPlanTest::scansHistory);
    }

    /**
     * A plan that walks a whole history table. Walking an index in ORDER BY order is allowed where
     * the statement has a LIMIT: SQLite stops after that many rows (the first page of a listing).
     */
    private static boolean scansHistory(String plan) {
        boolean limited = plan.lines().findFirst().orElse("").contains(" LIMIT ");
        return plan.lines().skip(1).anyMatch(line -> HISTORY_SCAN.matcher(line).find()
                && !(limited && line.contains(" USING INDEX ")));
    }

    /** Runs {@code work} on a catalogue that records every statement, then each statement's plan with its SQL. */
    private Set<String> plansOf(Consumer<Catalog> work) throws Exception {
        statements.clear();
        try (Catalog catalog = Catalog.open(file, Clock.systemUTC(), this::recording)) {
            work.accept(catalog);
        }
        Set<String> plans = new LinkedHashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : new LinkedHashSet<>(statements)) {
                if (!sql.stripLeading().toUpperCase().startsWith("SELECT")) {
                    continue;
                }
                StringBuilder plan = new StringBuilder(sql).append('\n');
                try (ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                    while (r.next()) {
                        plan.append("  ").append(r.getString("detail")).append('\n');
                    }
                }
                plans.add(plan.toString());
            }
        }
        return plans;
    }

    private Connection recording(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
