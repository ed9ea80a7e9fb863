package app.mamori.ui.timeline;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.TimelineScope;
import app.mamori.engine.timeline.Timeline;
import app.mamori.ui.fx.FxExecutor;
import app.mamori.ui.fx.I18n;
import javafx.geometry.Point2D;
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
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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

        assertThat(model.lanes().get(0).points()).isEqualTo(POINTS);
        assertThat(nodes(control)).isLessThan(60);
        // one bar per pixel column at most: the visible marks, not every point
        assertThat(control.lastDrawn()).isPositive().isLessThanOrEqualTo((int) control.canvas().getWidth());
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
}
