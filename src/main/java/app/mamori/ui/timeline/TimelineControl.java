package app.mamori.ui.timeline;

import app.mamori.ui.fx.I18n;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The timeline control: a toolbar (zoom out, zoom in, now, the visible range) over one canvas on
 * which {@link TimelineRenderer} draws every lane, with a scroll bar for lanes beyond the height.
 * Wheel or pinch zooms around the pointer, drag pans, a click selects (on a bar of many points too
 * close to tell apart, zooms in on it); keys: Left/Right step from
 * mark to mark, Up/Down from lane to lane, Ctrl (or Shift) with Left/Right pans, + and - zoom,
 * Home returns to now. The selection lives in the view model and is announced through the
 * control's accessible text. Hover shows what a mark, a failed run or a gap is in one tooltip.
 */
public final class TimelineControl extends Region {
    static final double TOOLBAR_HEIGHT = 36;
    private static final double ZOOM_STEP = 1.5;
    private static final double PAN_STEP = 0.1;

    final TimelineStyle style = new TimelineStyle(this);
    private final TimelineViewModel model;
    private final I18n text;
    private final ZoneId zone;
    private final Ticks.Labels labels;
    private final TimelineText words;
    private final TimelineRenderer renderer;
    private final TimelineHits hits;
    private final Canvas canvas = new Canvas();
    private final ScrollBar lanesScroll = new ScrollBar();
    private final HBox toolbar;
    private final Label range = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private double dragX = Double.NaN;
    private boolean dragged;
    private int lastDrawn;
    /** Where the pointer last hovered, canvas then screen coordinates; x below 0 when off the canvas. */
    private final double[] hovered = {-1, -1, 0, 0};

    public TimelineControl(TimelineViewModel model, I18n text, ZoneId zone) {
        this.model = model;
        this.text = text;
        this.zone = zone;
        this.labels = Ticks.Labels.of(text.t("timeline.today"), text.t("timeline.yesterday"),
                text.t("timeline.thisWeek"), text.t("timeline.pattern.day"), text.t("timeline.pattern.month"),
                text.t("timeline.pattern.year"), text.locale());
        this.words = new TimelineText(text, zone);
        this.renderer = new TimelineRenderer(words);
        this.hits = new TimelineHits(model, lanesScroll::getValue, this::plotWidth);
        getStyleClass().add("timeline");
        setId("timeline");
        canvas.setId("timeline-canvas");
        Button out = button("timeline-zoom-out", "\u2212", "timeline.zoomOut", () -> model.zoom(ZOOM_STEP, 0.5));
        Button in = button("timeline-zoom-in", "+", "timeline.zoomIn", () -> model.zoom(1 / ZOOM_STEP, 0.5));
        Button now = button("timeline-now", text.t("timeline.now"), "timeline.now.help", model::showNow);
        range.getStyleClass().add("timeline-range");
        range.setId("timeline-range");
        // the span shown is read aloud in an incident: never cut it, even in a narrow layout pass
        range.setMinWidth(Region.USE_PREF_SIZE);
        toolbar = new HBox(6, out, in, now, range);
        toolbar.getStyleClass().add("timeline-toolbar");
        HBox.setHgrow(range, Priority.ALWAYS);
        lanesScroll.setOrientation(Orientation.VERTICAL);
        lanesScroll.valueProperty().addListener(o -> redraw());
        getChildren().addAll(toolbar, canvas, lanesScroll);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        setAccessibleRoleDescription(text.t("timeline.role"));
        setAccessibleHelp(text.t("timeline.help"));
        accessibleTextProperty().bind(model.selectionTextProperty());
        // A screen reader hears the new selection as it changes, not only when it next asks.
        model.selectionTextProperty().addListener(o -> notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT));
        // a hovered mark's retention line follows once its job's reasons are read
        model.reasonsReadProperty().addListener(o -> hover(hovered[0], hovered[1], hovered[2], hovered[3]));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        for (Observable o : List.<Observable>of(model.scaleProperty(), model.loadedProperty(),
                model.selectionProperty(), model.loadingProperty(), model.errorProperty())) {
            o.addListener(x -> redraw());
        }
        style.all().forEach(p -> ((javafx.beans.value.ObservableValue<?>) p).addListener(x -> redraw()));
        wireInput();
        setMinSize(480, 200);
        setPrefSize(1000, 500);
    }

    private Button button(String id, String label, String helpKey, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.setTooltip(new Tooltip(text.t(helpKey)));
        b.setAccessibleText(text.t(helpKey));
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            action.run();
            requestFocus();
        });
        return b;
    }

    private void wireInput() {
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) && e.getDeltaY() == 0) {
                lanesScroll.setValue(clampScroll(lanesScroll.getValue() - (e.isShiftDown() ? e.getDeltaX()
                        + e.getDeltaY() : e.getDeltaX())));
            } else if (e.getDeltaY() != 0) {
                model.zoom(e.getDeltaY() > 0 ? 1 / 1.25 : 1.25, anchor(e.getX()));
            }
            e.consume();
        });
        canvas.addEventHandler(ZoomEvent.ZOOM, e -> {
            model.zoom(1 / e.getZoomFactor(), anchor(e.getX()));
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            dragX = e.getX();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(dragX) || e.getX() < TimelineRenderer.HEADER_WIDTH && !dragged) {
                return;
            }
            double dx = e.getX() - dragX;
            if (Math.abs(dx) > 2 || dragged) {
                dragged = true;
                model.pan(-dx / plotWidth());
                dragX = e.getX();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!dragged && e.getButton() == MouseButton.PRIMARY) {
                int[] hit = hits.mark(e.getX(), e.getY());
                int[] bucket = hit == null ? hits.bucket(e.getX(), e.getY()) : null;
                if (hit != null) {
                    model.select(hit[0], hit[1]);
                } else if (bucket != null) {
                    model.zoomInto(bucket[0], bucket[1]);
                } else {
                    model.clearSelection();
                }
            }
            dragX = Double.NaN;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, -1, 0, 0));
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private void key(KeyEvent e) {
        boolean pan = e.isControlDown() || e.isShiftDown();
        boolean handled = switch (e.getCode()) {
            case LEFT -> pan ? panned(-PAN_STEP) : stepped(() -> model.step(-1));
            case RIGHT -> pan ? panned(PAN_STEP) : stepped(() -> model.step(1));
            case UP -> stepped(() -> model.stepLane(-1));
            case DOWN -> stepped(() -> model.stepLane(1));
            case PLUS, ADD, EQUALS -> zoomed(1 / ZOOM_STEP);
            case MINUS, SUBTRACT -> zoomed(ZOOM_STEP);
            case HOME -> {
                model.showNow();
                yield true;
            }
            case ESCAPE -> {
                model.clearSelection();
                yield true;
            }
            default -> false;
        };
        if (handled) {
            scrollSelectionIntoView();
            e.consume();
        }
    }

    /** A step at the first or last mark does nothing, but the key is still the timeline's, not focus traversal's. */
    private boolean stepped(java.util.function.BooleanSupplier step) {
        step.getAsBoolean();
        return true;
    }

    private boolean panned(double fraction) {
        model.pan(fraction);
        return true;
    }

    private boolean zoomed(double factor) {
        model.zoom(factor, 0.5);
        return true;
    }

    private void scrollSelectionIntoView() {
        TimelineViewModel.Selection s = model.selectionProperty().get();
        if (s == null) {
            return;
        }
        double top = s.lane() * TimelineRenderer.LANE_HEIGHT;
        double visible = canvas.getHeight() - TimelineRenderer.AXIS_HEIGHT;
        if (top < lanesScroll.getValue()) {
            lanesScroll.setValue(clampScroll(top));
        } else if (top + TimelineRenderer.LANE_HEIGHT > lanesScroll.getValue() + visible) {
            lanesScroll.setValue(clampScroll(top + TimelineRenderer.LANE_HEIGHT - visible));
        }
    }

    private void hover(double x, double y, double screenX, double screenY) {
        hovered[0] = x;
        hovered[1] = y;
        hovered[2] = screenX;
        hovered[3] = screenY;
        String tip = x < 0 ? "" : hits.describe(x, y);
        if (tip.equals(hoverText.get())) {
            return;
        }
        hoverText.set(tip);
        Window window = getScene() == null ? null : getScene().getWindow();
        if (tip.isEmpty() || window == null) {
            tooltip.hide();
        } else {
            tooltip.setText(tip);
            tooltip.show(canvas, screenX + 14, screenY + 14);
        }
    }

    /** Where mark {@code mark} of lane {@code lane} is drawn, in canvas coordinates (tests click there). */
    public double[] markPosition(int lane, int mark) {
        return hits.markPosition(lane, mark);
    }

    /** Where bucket {@code bucket} of lane {@code lane} is drawn (its middle), in canvas coordinates (tests click there). */
    public double[] bucketPosition(int lane, int bucket) {
        return hits.bucketPosition(lane, bucket);
    }

    private double anchor(double x) {
        return Math.max(0, Math.min(1, (x - TimelineRenderer.HEADER_WIDTH) / plotWidth()));
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - TimelineRenderer.HEADER_WIDTH);
    }

    private double clampScroll(double v) {
        return Math.max(lanesScroll.getMin(), Math.min(lanesScroll.getMax(), v));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = lanesScroll.prefWidth(-1);
        toolbar.resizeRelocate(0, 0, w, TOOLBAR_HEIGHT);
        canvas.relocate(0, TOOLBAR_HEIGHT);
        canvas.setWidth(Math.max(1, w - bar));
        canvas.setHeight(Math.max(1, h - TOOLBAR_HEIGHT));
        lanesScroll.resizeRelocate(w - bar, TOOLBAR_HEIGHT, bar, Math.max(1, h - TOOLBAR_HEIGHT));
        redraw();
    }

    /** Draws the whole canvas again from the model; cheap, since only what is visible is drawn. */
    public void redraw() {
        List<LaneData> lanes = model.lanes();
        double height = canvas.getHeight();
        double content = lanes.size() * TimelineRenderer.LANE_HEIGHT;
        double visible = Math.max(1, height - TimelineRenderer.AXIS_HEIGHT);
        lanesScroll.setMax(Math.max(0, content - visible));
        lanesScroll.setVisibleAmount(visible);
        lanesScroll.setVisible(content > visible);
        int first = (int) (lanesScroll.getValue() / TimelineRenderer.LANE_HEIGHT);
        model.setVisibleLanes(first, first + (int) Math.ceil(visible / TimelineRenderer.LANE_HEIGHT));
        model.setPlotWidth(plotWidth());
        TimeScale s = model.scaleProperty().get();
        Instant now = model.clock().instant();
        lastDrawn = renderer.draw(canvas.getGraphicsContext2D(), style.palette(), new TimelineRenderer.Frame(
                canvas.getWidth(), height, s, lanes, lanesScroll.getValue(), model.selectionProperty().get(),
                now.toEpochMilli(), Ticks.of(s, plotWidth(), zone, now, labels), text.t("timeline.now"),
                text.t(model.loadingProperty().get() ? "timeline.loading" : "timeline.empty")));
        range.setText(model.errorProperty().get().isEmpty() ? rangeText(s, now)
                : text.t("timeline.error", model.errorProperty().get()));
    }

    /** The visible range; a view that reaches past the present (the margin after "now") ends at "now". */
    private String rangeText(TimeScale s, Instant now) {
        String end = s.endInstant().isAfter(now) ? text.t("timeline.range.now") : words.time(s.endInstant());
        return text.t(model.loadingProperty().get() ? "timeline.range.loading" : "timeline.range",
                words.time(s.startInstant()), end);
    }

    /** How many marks or bars the last frame drew: at most about one per pixel column per visible lane. */
    public int lastDrawn() {
        return lastDrawn;
    }

    /** The text of the hover tooltip; empty when the pointer is over nothing. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public Canvas canvas() {
        return canvas;
    }

    public TimelineViewModel model() {
        return model;
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return attribute == AccessibleAttribute.TEXT ? getAccessibleText()
                : super.queryAccessibleAttribute(attribute, parameters);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return TimelineStyle.metaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return TimelineStyle.metaData();
    }
}
