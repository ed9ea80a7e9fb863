package app.mamori.ui.timeline;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Timeline;
import app.mamori.ui.fx.FxExecutor;
import app.mamori.ui.fx.I18n;
import app.mamori.catalog.TimelinePoint;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline control, headless (Monocle), over a real catalogue holding 100,000 points on one
 * lane (every five minutes for almost a year), read through the real executor.
 */
class TimelineControlTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final int POINTS = 100_000;

    private final FxRobot robot = new FxRobot();
    @TempDir
    static Path dir;
    private static boolean written;
    private Catalog catalog;
    private FxExecutor executor;
    private TimelineViewModel model;
    private TimelineControl control;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws Exception {
        if (!written) {
            SyntheticHistory.write(dir.resolve("catalog.db"), 1, POINTS, NOW.minus(STEP), STEP);
            written = true;
        }
        catalog = Catalog.open(dir.resolve("catalog.db"));
        executor = new FxExecutor();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        I18n text = new I18n(Locale.ENGLISH);
        model = new TimelineViewModel(new Timeline(catalog, clock, ZoneOffset.UTC), executor,
                new TimelineText(text, ZoneOffset.UTC), clock);
        FxToolkit.setupStage(stage -> {
            control = new TimelineControl(model, text, ZoneOffset.UTC);
            stage.setScene(new Scene(control, 1280, 720));
            stage.show();
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
        catalog.close();
    }

    private void showAndWait(TimeScale scale) throws Exception {
        robot.interact(() -> {
            model.setScale(scale);
            model.show(TimelineScope.everything());
        });
        waitLoaded();
    }

    private void waitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !model.loadingProperty().get() && !model.lanes().isEmpty();
        });
    }

    private static int nodes(Node n) {
        int count = 1;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                count += nodes(child);
            }
        }
        return count;
    }

    @Test
    void drawsAHundredThousandPointsOnOneCanvasWithoutANodePerPoint() throws Exception {
        showAndWait(TimeScale.of(NOW.minus(STEP.multipliedBy(POINTS + 100)), NOW));
        robot.interact(control::redraw);

        LaneData lane = model.lanes().get(0);
        // too dense to tell apart at this zoom: read as buckets, every point in one of them
        assertThat(lane.summarised()).isTrue();
        assertThat(IntStream.range(0, lane.buckets()).map(b -> lane.bucket(b).points()).sum()).isEqualTo(POINTS);
        assertThat(lane.buckets()).isLessThan((int) control.canvas().getWidth());
        assertThat(nodes(control)).isLessThan(60);
        assertThat(control.lastDrawn()).isPositive().isLessThanOrEqualTo((int) control.canvas().getWidth());
    }

    @Test
    void aLaneOfAHundredThousandReadPointsDrawsAtMostOneBarPerPixelColumn() throws Exception {
        showAndWait(TimeScale.of(NOW.minus(STEP.multipliedBy(POINTS + 100)), NOW));
        List<TimelinePoint> points = catalog.timeline().points(TimelineScope.everything(), NOW.minus(
                STEP.multipliedBy(POINTS + 1)), NOW);
        LaneData exact = LaneData.of(model.lanes().get(0).lane(), points, List.of(), List.of());
        Canvas canvas = new Canvas(1280, 720);

        int drawn = WaitForAsyncUtils.asyncFx(() -> new TimelineRenderer(new TimelineText(new I18n(Locale.ENGLISH), ZoneOffset.UTC)).draw(canvas.getGraphicsContext2D(),
                control.style.palette(), new TimelineRenderer.Frame(1280, 720, model.scaleProperty().get(),
                        List.of(exact), 0, null, NOW.toEpochMilli(), List.of(), "now", ""))).get(30, TimeUnit.SECONDS);

        assertThat(exact.points()).isEqualTo(POINTS);
        assertThat(drawn).isPositive().isLessThanOrEqualTo(1280 - (int) TimelineRenderer.HEADER_WIDTH + 1);
    }

    @Test
    void hoveringABarOfManyPointsSaysWhatItHoldsAndAClickZoomsInUntilThePointsShow() throws Exception {
        showAndWait(TimeScale.of(NOW.minus(Duration.ofDays(2)), NOW));
        LaneData lane = model.lanes().get(0);
        assertThat(lane.summarised()).isTrue();
        int bucket = lane.nearestBucket(NOW.minus(Duration.ofDays(1)).toEpochMilli());
        double[] at = control.bucketPosition(0, bucket);
        Point2D screen = control.canvas().localToScreen(at[0], at[1]);

        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(control.hoverTextProperty().get()).contains(lane.bucket(bucket).points() + " points from");
        for (int click = 0; click < 5 && model.lanes().get(0).summarised(); click++) {
            int b = model.lanes().get(0).nearestBucket(NOW.minus(Duration.ofDays(1)).toEpochMilli());
            double[] xy = control.bucketPosition(0, b);
            robot.clickOn(control.canvas().localToScreen(xy[0], xy[1]));
            waitLoaded();
        }

        assertThat(model.lanes().get(0).summarised()).isFalse();
        assertThat(model.scaleProperty().get().contains(NOW.minus(Duration.ofDays(1)).toEpochMilli())).isTrue();
        assertThat(model.lanes().get(0).marks()).isPositive();
    }

    @Test
    void aClickSelectsTheMarkUnderThePointerAndArrowKeysStepFromMarkToMark() throws Exception {
        showAndWait(TimeScale.of(NOW.minus(Duration.ofHours(3)), NOW));
        LaneData lane = model.lanes().get(0);
        int mark = lane.firstMarkAtOrAfter(NOW.minus(Duration.ofMinutes(90)).toEpochMilli());
        double[] at = control.markPosition(0, mark);
        Point2D screen = control.canvas().localToScreen(at[0], at[1]);

        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(control.hoverTextProperty().get()).contains("Size ", "Checks: ", lane.markPoint(mark).id());
        // the first hover asks for the job's retention reasons; the text follows when they arrive
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> control.hoverTextProperty().get().contains("Kept by retention: no retention policy"));
        robot.clickOn(screen);
        assertThat(model.selectionProperty().get().mark()).isEqualTo(mark);
        assertThat(model.selectionProperty().get().point()).isEqualTo(lane.markPoint(mark));

        robot.type(KeyCode.RIGHT);
        assertThat(model.selectionProperty().get().mark()).isEqualTo(mark + 1);
        robot.type(KeyCode.LEFT, 2);
        assertThat(model.selectionProperty().get().mark()).isEqualTo(mark - 1);
        String announced = (String) control.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        assertThat(announced).isEqualTo(model.selectionTextProperty().get()).contains("src0 on srv0");
    }

    @Test
    void keysZoomAndPanAndAClickOnNothingClearsTheSelection() throws Exception {
        showAndWait(TimeScale.of(NOW.minus(Duration.ofHours(3)), NOW));
        robot.clickOn(control.canvas().localToScreen(TimelineRenderer.HEADER_WIDTH + 5, 10));
        double span = model.scaleProperty().get().span();

        robot.type(KeyCode.MINUS);
        assertThat(model.scaleProperty().get().span()).isGreaterThan(span);
        robot.type(KeyCode.EQUALS);
        assertThat(model.scaleProperty().get().span()).isEqualTo(span, org.assertj.core.data.Offset.offset(1.0));
        double start = model.scaleProperty().get().start();
        robot.press(KeyCode.CONTROL).type(KeyCode.LEFT).release(KeyCode.CONTROL);
        assertThat(model.scaleProperty().get().start()).isLessThan(start);
        robot.clickOn("#timeline-now");
        assertThat(model.scaleProperty().get().contains(NOW.toEpochMilli())).isTrue();
        assertThat(model.selectionProperty().get()).isNull();
    }

    @Test
    void theRangeEndsAtNowRatherThanAtATimeToComeAndNamesTheEndOncePannedIntoThePast() throws Exception {
        showAndWait(TimeScale.endingAt(NOW, Duration.ofHours(3)));
        waitLoaded();
        javafx.scene.control.Label range = robot.lookup("#timeline-range").queryAs(javafx.scene.control.Label.class);
        assertThat(model.scaleProperty().get().end()).isGreaterThan(NOW.toEpochMilli());
        assertThat(range.getText()).isEqualTo("2026-12-01 09:09:00 \u2013 now");

        robot.interact(() -> model.setScale(TimeScale.of(NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(2)))));
        waitLoaded();
        assertThat(range.getText()).isEqualTo("2026-12-01 07:00:00 \u2013 2026-12-01 10:00:00");
    }
}
