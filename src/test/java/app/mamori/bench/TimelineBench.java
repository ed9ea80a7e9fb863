package app.mamori.bench;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Timeline;
import app.mamori.engine.timeline.TimelineWindow;
import app.mamori.testenv.FxThread;
import app.mamori.ui.fx.FxExecutor;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.Theme;
import app.mamori.ui.fx.UiSettings;
import app.mamori.ui.timeline.SyntheticHistory;
import app.mamori.ui.timeline.TimeScale;
import app.mamori.ui.timeline.TimelineControl;
import app.mamori.ui.timeline.TimelineText;
import app.mamori.ui.timeline.TimelineViewModel;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The timeline at 200,000 points over 200 lanes (1,000 daily points each): the window query
 * time of {@link Timeline#window} for typical spans and scopes, and the frame time of the control
 * at 1280x720 while panning and zooming, measured as the control's redraw plus a snapshot of the
 * whole scene (the software pipeline rasterising the frame, as a pulse would). Run with
 * bench/timeline [LANES=200] [POINTS=1000] [PNG-FILE].
 */
public final class TimelineBench {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final int ROUNDS = 10;
    /** The plot of the control at 1280 px: less the lane headers and the scroll bar. */
    private static final double PLOT_WIDTH = 1280 - 210 - 15;
    /** The machine is shared: a thread's own CPU time is what other processes' load moves least. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TimelineBench() {
    }

    public static void main(String[] args) throws Exception {
        int lanes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path png = args.length > 2 ? Path.of(args[2]) : null;
        Path dir = Files.createTempDirectory("mamori-timeline-bench-");
        try {
            Path file = dir.resolve("catalog.db");
            long t0 = System.nanoTime();
            SyntheticHistory.write(file, lanes, points, NOW.minus(Duration.ofHours(6)), Duration.ofDays(1));
            System.out.printf("catalogue: %,d lanes x %,d daily points = %,d points, written in %d ms%n", lanes, points,
                    (long) lanes * points, (System.nanoTime() - t0) / 1_000_000);
            try (Catalog catalog = Catalog.open(file)) {
                Timeline timeline = new Timeline(catalog, Clock.fixed(NOW, ZoneId.of("UTC")), ZoneId.of("UTC"));
                queries(timeline);
                frames(timeline, png);
            }
        } finally {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
        }
        Platform.exit();
    }

    private static void queries(Timeline timeline) throws Exception {
        System.out.println("query (ms; SQLite runs in the calling thread)    rows  wall med   p95 |  CPU med   p95");
        query("lanes, every job (once per scope)", 3, () -> timeline.lanes(TimelineScope.everything()).size());
        query("retention reasons, every job (once per scope)", 3,
                () -> timeline.keptBy(TimelineScope.everything()).size());
        query("retention reasons, the 42 jobs the control reads", 3,
                () -> timeline.keptBy(TimelineScope.everything(), inView()).size());
        for (Duration span : List.of(Duration.ofDays(3 * 7), Duration.ofDays(90), Duration.ofDays(3 * 365))) {
            // the view model reads the visible span and one span either side
            Instant from = NOW.minus(span.multipliedBy(2));
            Instant to = NOW.plus(span);
            int rounds = span.toDays() > 365 ? 3 : ROUNDS;
            Set<String> inView = inView();
            query("window " + span.toDays() + " d, 42 lanes of every job", ROUNDS,
                    () -> timeline.window(TimelineScope.everything(), inView, from, to).points().size());
            // as the view model reads it: at the resolution of a mark's width, from and to multiples of it
            double resolution = TimelineViewModel.resolution(span.toMillis(), PLOT_WIDTH);
            Instant aligned = Instant.ofEpochMilli((long) (Math.floor(from.toEpochMilli() / resolution) * resolution));
            Instant alignedTo = Instant.ofEpochMilli((long) (Math.ceil(to.toEpochMilli() / resolution) * resolution));
            Duration bucket = Duration.ofMillis((long) resolution);
            query("view " + span.toDays() + " d, 42 lanes (rows: points+buckets)", ROUNDS, () -> rows(
                    timeline.window(TimelineScope.everything(), inView, aligned, alignedTo, bucket)));
            query("view " + span.toDays() + " d, one server (10 lanes)", ROUNDS, () -> rows(
                    timeline.window(TimelineScope.server("srv3"), Set.of(), aligned, alignedTo, bucket)));
            query("window " + span.toDays() + " d, every job", rounds,
                    () -> timeline.window(TimelineScope.everything(), from, to).points().size());
            query("window " + span.toDays() + " d, one server (10 lanes)", ROUNDS, () -> timeline.window(
                    TimelineScope.server("srv3"), from, to).points().size());
            query("window " + span.toDays() + " d, one job", ROUNDS,
                    () -> timeline.window(TimelineScope.job("job42"), from, to).points().size());
        }
    }

    /** What the control reads with 200 lanes: the 14 in view at 720 px and a screenful either side. */
    private static Set<String> inView() {
        Set<String> inView = new HashSet<>();
        for (int lane = 0; lane < 42; lane++) {
            inView.add("job" + lane);
        }
        return inView;
    }

    private static int rows(TimelineWindow w) {
        return w.points().size() + w.buckets().size();
    }

    private static void query(String what, int rounds, Callable<Integer> q) throws Exception {
        q.call();
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < rounds; i++) {
            long c = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            rows = q.call();
            ms.add((System.nanoTime() - t) / 1e6);
            cpu.add((CPU.getCurrentThreadCpuTime() - c) / 1e6);
        }
        System.out.printf("%-50s %7d %9.1f %7.1f | %7.1f %7.1f%n", what, rows, percentile(ms, 50), percentile(ms, 95),
                percentile(cpu, 50), percentile(cpu, 95));
    }

    private static void frames(Timeline timeline, Path png) throws Exception {
        Platform.startup(() -> { });
        FxExecutor executor = new FxExecutor();
        Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
        I18n text = new I18n(Locale.ENGLISH);
        TimelineViewModel model = new TimelineViewModel(timeline, executor, new TimelineText(text, ZoneId.of("UTC")),
                clock);
        Scene scene = onFx(() -> {
            Theme.apply(UiSettings.ThemeChoice.LIGHT, false);
            TimelineControl control = new TimelineControl(model, text, ZoneId.of("UTC"));
            Scene s = new Scene(control, 1280, 720);
            s.getStylesheets().add(TimelineBench.class.getResource("/app/mamori/ui/app.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(s);
            stage.show();
            model.setScale(TimeScale.of(NOW.minus(Duration.ofDays(21)), NOW.plus(Duration.ofDays(1))));
            model.show(TimelineScope.everything());
            return s;
        });
        waitLoaded(model);
        TimelineControl control = (TimelineControl) scene.getRoot();
        System.out.println("frame, 1280x720, 13 of 200 lanes visible (ms): draw med p95 | draw+render med p95 max"
                + " || the same in FX-thread CPU time");
        for (Duration span : List.of(Duration.ofDays(21), Duration.ofDays(90), Duration.ofDays(3 * 365))) {
            onFx(() -> {
                model.setScale(TimeScale.endingAt(NOW, span));
                return null;
            });
            waitLoaded(model);
            frame(scene, control, "pan, span " + span.toDays() + " d", () -> model.pan(-0.02));
            frame(scene, control, "zoom, span " + span.toDays() + " d", new Runnable() {
                private int i;

                @Override
                public void run() {
                    model.zoom(i++ % 2 == 0 ? 1.25 : 0.8, 0.7);
                }
            });
        }
        if (png != null) {
            onFx(() -> {
                model.setScale(TimeScale.of(NOW.minus(Duration.ofDays(21)), NOW.plus(Duration.ofDays(1))));
                return null;
            });
            waitLoaded(model);
            onFx(() -> {
                model.select(2, model.lanes().get(2).marks() - 3);
                return null;
            });
            snapshot(scene, png);
            // zoomed out to three years: the lanes come as buckets, the selection stays on its point
            onFx(() -> {
                model.setScale(TimeScale.endingAt(NOW, Duration.ofDays(3 * 365)));
                return null;
            });
            waitLoaded(model);
            String name = png.getFileName().toString();
            snapshot(scene, png.resolveSibling(name.replaceFirst("(\\.png)?$", "-3y.png")));
        }
        executor.close();
    }

    private static void snapshot(Scene scene, Path png) throws Exception {
        var image = onFx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
        System.out.println("wrote " + png);
    }

    private static void frame(Scene scene, TimelineControl control, String what, Runnable step) throws Exception {
        List<Double> draw = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> drawCpu = new ArrayList<>();
        List<Double> fullCpu = new ArrayList<>();
        for (int i = 0; i < ROUNDS * 4; i++) {
            double[] t = onFx(() -> {
                long a = System.nanoTime();
                long ca = CPU.getCurrentThreadCpuTime();
                step.run();
                control.redraw();
                long b = System.nanoTime();
                long cb = CPU.getCurrentThreadCpuTime();
                scene.snapshot(null);
                long c = System.nanoTime();
                long cc = CPU.getCurrentThreadCpuTime();
                return new double[]{(b - a) / 1e6, (c - a) / 1e6, (cb - ca) / 1e6, (cc - ca) / 1e6};
            });
            if (i >= 5) {
                draw.add(t[0]);
                full.add(t[1]);
                drawCpu.add(t[2]);
                fullCpu.add(t[3]);
            }
        }
        System.out.printf("%-24s wall %6.2f %6.2f | %6.2f %6.2f %6.2f || CPU %6.2f %6.2f | %6.2f %6.2f%n", what,
                percentile(draw, 50), percentile(draw, 95), percentile(full, 50), percentile(full, 95),
                Collections.max(full), percentile(drawCpu, 50), percentile(drawCpu, 95), percentile(fullCpu, 50),
                percentile(fullCpu, 95));
    }

    private static void waitLoaded(TimelineViewModel model) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (onFx(() -> model.loadingProperty().get() || model.lanes().isEmpty())) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the timeline did not load in 2 minutes");
            }
            Thread.sleep(20);
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return FxThread.call(work, 60);
    }
}
