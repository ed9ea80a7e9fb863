package app.mamori.bench;

import app.mamori.catalog.TimelineLane;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.TimelineSource;
import app.mamori.engine.timeline.TimelineWindow;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Job;
import app.mamori.service.Services;
import app.mamori.ui.AppContext;
import app.mamori.ui.activity.ActivityViewModel;
import app.mamori.ui.dashboard.DashboardViewModel;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import app.mamori.ui.jobs.JobPauseViewModel;
import app.mamori.ui.jobs.JobRecoveryViewModel;
import app.mamori.ui.restore.wizard.Happened;
import app.mamori.ui.restore.wizard.RestoreWizardModel;
import app.mamori.ui.servers.ServersViewModel;
import app.mamori.ui.timeline.LaneData;
import app.mamori.ui.timeline.TimeScale;
import app.mamori.ui.timeline.TimelineText;
import app.mamori.ui.timeline.TimelineViewModel;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each page of the app reads when it is shown, timed on a data folder in one JVM, the way
 * the app does it: the pages' own view models where they hold no Node (work on the calling
 * thread, as in their tests), and the service calls of the pages that load from their view
 * (Jobs, Restore) as those views make them. Round 1 warms the JVM; the next rounds are timed.
 * Prints the median and the slowest of the timed rounds per page (and the median CPU time the
 * page's thread used, which waiting for a core on a busy machine does not swell), then the heap in use after a
 * full collection with every page's last state still held.
 * <pre>java [-Dpages=dashboard,jobs] ... AppPagesBench HOME [ROUNDS=5] [SOURCE=hourly-db] [JOB=hourly]</pre>
 */
public final class AppPagesBench {
    private AppPagesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String source = args.length > 2 ? args[2] : "hourly-db";
        String job = args.length > 3 ? args[3] : "hourly";
        ZoneId zone = ZoneId.of("UTC");
        I18n text = new I18n(Locale.ENGLISH);
        long opening = System.nanoTime();
        AppContext app = new AppContext(Services.open(new MamoriHome(dir)), UiExecutor.direct(), text);
        app.services().jobs().list();
        System.out.printf("opening the data folder (catalogue, housekeeping, first query): %d ms%n",
                (System.nanoTime() - opening) / 1_000_000);
        Format format = new Format(text, zone);
        List<Object> held = new ArrayList<>();
        Map<String, Runnable> pages = new LinkedHashMap<>();
        pages.put("dashboard", () -> {
            DashboardViewModel d = new DashboardViewModel(app, zone);
            d.refresh();
            require(!d.rows().isEmpty(), "dashboard rows");
            held.add(d);
        });
        pages.put("jobs (list, first job chosen)", () -> {
            List<String> names = app.services().jobs().list().stream().map(Job::name).toList();
            app.services().jobs().find(names.get(0));
            JobRecoveryViewModel readiness = new JobRecoveryViewModel(app, zone);
            readiness.load(names.get(0));
            JobPauseViewModel pause = new JobPauseViewModel(app, zone);
            pause.load(names.get(0));
            held.add(List.of(names, readiness, pause));
        });
        pages.put("servers", () -> {
            ServersViewModel s = new ServersViewModel(app);
            s.refresh();
            require(!s.servers().isEmpty(), "servers");
            held.add(s);
        });
        pages.put("activity", () -> {
            ActivityViewModel a = new ActivityViewModel(app, format);
            a.refresh();
            require(!a.shown().isEmpty(), "events");
            held.add(a);
        });
        pages.put("restore page (" + job + ": newest 200, 14-day timeline)", () -> {
            app.services().jobs().list();
            held.add(app.services().points().page(job, null, 200));
            app.services().points().count(job);
            held.add(timeline(app, zone, text, TimelineScope.job(job), Duration.ofDays(14)));
        });
        pages.put("restore wizard (" + source + " to its chosen point)", () -> {
            RestoreWizardModel w = new RestoreWizardModel(app, format, dir);
            w.load(Optional.empty());
            w.sourceProperty().set(w.sources().stream().filter(s -> s.name().equals(source)).findFirst()
                    .orElseThrow());
            w.happenedProperty().set(Happened.DATABASE);
            w.next();
            w.dontKnowProperty().set(true);
            w.next();
            require(w.pointProperty().get() != null, "a chosen point: " + w.errorProperty().get());
            held.add(w);
        });
        for (Duration span : List.of(Duration.ofDays(7), Duration.ofDays(365), Duration.ofDays(3 * 365))) {
            String days = span.toDays() + " days";
            pages.put("timeline, every job, " + days, () -> held.add(timeline(app, zone, text,
                    TimelineScope.everything(), span)));
            pages.put("timeline, job " + job + ", " + days, () -> held.add(timeline(app, zone, text,
                    TimelineScope.job(job), span)));
        }
        // -Dpages=dashboard,jobs: only the pages whose names start so
        String only = System.getProperty("pages");
        if (only != null) {
            pages.keySet().removeIf(page -> java.util.Arrays.stream(only.split(",")).noneMatch(page::startsWith));
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, Runnable> page : pages.entrySet()) {
                held.clear();
                TIMED.reset();
                long t0 = System.nanoTime();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                page.getValue().run();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (round == 0) {
                    System.out.printf("  first visit: %-55s %6d ms%n", page.getKey(), ms);
                } else {
                    times.computeIfAbsent(page.getKey(), k -> new ArrayList<>()).add(ms);
                    // on a loaded machine the wall time is mostly waiting for a core; the CPU time is the page's own
                    cpu.computeIfAbsent(page.getKey(), k -> new ArrayList<>())
                            .add((THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
                    if (TIMED.keptByNanos > 0) {
                        times.computeIfAbsent(page.getKey() + ": reasons", k -> new ArrayList<>())
                                .add(TIMED.keptByNanos / 1_000_000);
                    }
                    Object last = held.isEmpty() ? null : held.get(held.size() - 1);
                    if (last instanceof TimelineViewModel t) {
                        hover(t).ifPresent(hoverMs -> times.computeIfAbsent(page.getKey()
                                + ": first hover (one job's reasons)", k -> new ArrayList<>()).add(hoverMs));
                    }
                }
            }
        }
        System.out.printf("warm, %d rounds: median / slowest wall time, median CPU time of the page's thread%n", rounds);
        times.forEach((page, ms) -> {
            List<Long> sorted = ms.stream().sorted().toList();
            String own = cpu.containsKey(page) ? String.format("   CPU %4d ms", cpu.get(page).stream().sorted().toList()
                    .get(sorted.size() / 2)) : "";
            System.out.printf("  %-62s %6d / %6d ms%s%n", page, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                    own);
        });
        held.clear();
        pages.values().forEach(Runnable::run);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use after a full GC, every page's state held: %d MB (max heap %d MB)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        app.close();
    }

    /**
     * The timeline as a page shows it: 1,200 pixels wide, lanes 0 to 14 in view, ending now, the
     * lanes, the window and the retention reasons read on the calling thread.
     */
    private static TimelineViewModel timeline(AppContext app, ZoneId zone, I18n text, TimelineScope scope,
                                              Duration span) {
        TIMED.real = app.services().timeline(zone);
        TimelineViewModel t = new TimelineViewModel(TIMED, UiExecutor.direct(),
                new TimelineText(text, zone), app.clock());
        t.setPlotWidth(1200);
        t.setVisibleLanes(0, 14);
        t.setScale(TimeScale.endingAt(app.clock().instant(), span));
        t.show(scope);
        require(!t.lanes().isEmpty() && t.errorProperty().get().isEmpty(), "timeline lanes: " + t.errorProperty().get());
        return t;
    }

    /**
     * The first hover of the newest mark of the first lane drawn as points, which reads its job's
     * retention reasons: the milliseconds, or nothing when every lane is drawn as buckets.
     */
    private static Optional<Long> hover(TimelineViewModel t) {
        for (int lane = 0; lane < t.lanes().size(); lane++) {
            LaneData data = t.lanes().get(lane);
            if (!data.summarised() && data.marks() > 0) {
                long t0 = System.nanoTime();
                String text = t.describe(lane, data.marks() - 1);
                require(!text.contains("not known"), "retention reasons on hover: " + text);
                return Optional.of((System.nanoTime() - t0) / 1_000_000);
            }
        }
        return Optional.empty();
    }

    private static final TimedTimeline TIMED = new TimedTimeline();
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The timeline, timing its retention reasons apart: the view draws its lanes once the window
     * is read, and reads a job's reasons (only the hover text waits for them) when one of its
     * points is first hovered.
     */
    private static final class TimedTimeline implements TimelineSource {
        TimelineSource real;
        long keptByNanos;

        void reset() {
            keptByNanos = 0;
        }

        @Override
        public List<TimelineLane> lanes(TimelineScope scope) {
            return real.lanes(scope);
        }

        @Override
        public TimelineWindow window(TimelineScope scope, Set<String> jobs, Instant from, Instant to,
                                     Duration resolution) {
            return real.window(scope, jobs, from, to, resolution);
        }

        @Override
        public Map<String, List<String>> keptBy(TimelineScope scope, Set<String> jobs) {
            long t0 = System.nanoTime();
            Map<String, List<String>> kept = real.keptBy(scope, jobs);
            keptByNanos += System.nanoTime() - t0;
            return kept;
        }

        @Override
        public Map<String, List<String>> keptBy(TimelineScope scope, Set<String> jobs, Instant since) {
            long t0 = System.nanoTime();
            Map<String, List<String>> kept = real.keptBy(scope, jobs, since);
            keptByNanos += System.nanoTime() - t0;
            return kept;
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("the page read nothing: " + what);
        }
    }
}
