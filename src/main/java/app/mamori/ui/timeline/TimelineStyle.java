package app.mamori.ui.timeline;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * The timeline's colours as CSS properties ({@code -timeline-verified: ...}), so the app CSS
 * sets them from the theme's variables and light and dark both work. The defaults are for a
 * light background when no style sheet is loaded (tests).
 */
final class TimelineStyle {
    private static final StyleablePropertyFactory<TimelineControl> F =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> background;
    private final StyleableProperty<Color> laneAlt;
    private final StyleableProperty<Color> header;
    private final StyleableProperty<Color> grid;
    private final StyleableProperty<Color> text;
    private final StyleableProperty<Color> muted;
    private final StyleableProperty<Color> verified;
    private final StyleableProperty<Color> drilled;
    private final StyleableProperty<Color> unchecked;
    private final StyleableProperty<Color> failed;
    private final StyleableProperty<Color> safety;
    private final StyleableProperty<Color> gap;
    private final StyleableProperty<Color> spark;
    private final StyleableProperty<Color> now;
    private final StyleableProperty<Color> selection;

    TimelineStyle(TimelineControl c) {
        background = F.createStyleableColorProperty(c, "background", "-timeline-background", x -> x.style.background, Color.WHITE);
        laneAlt = F.createStyleableColorProperty(c, "laneAlt", "-timeline-lane-alt", x -> x.style.laneAlt, Color.web("#f6f8fa"));
        header = F.createStyleableColorProperty(c, "header", "-timeline-header", x -> x.style.header, Color.web("#f6f8fa"));
        grid = F.createStyleableColorProperty(c, "grid", "-timeline-grid", x -> x.style.grid, Color.web("#d0d7de"));
        text = F.createStyleableColorProperty(c, "text", "-timeline-text", x -> x.style.text, Color.web("#1f2328"));
        muted = F.createStyleableColorProperty(c, "muted", "-timeline-muted", x -> x.style.muted, Color.web("#656d76"));
        verified = F.createStyleableColorProperty(c, "verified", "-timeline-verified", x -> x.style.verified, Color.web("#1a7f37"));
        drilled = F.createStyleableColorProperty(c, "drilled", "-timeline-drilled", x -> x.style.drilled, Color.web("#0f5323"));
        unchecked = F.createStyleableColorProperty(c, "unchecked", "-timeline-unchecked", x -> x.style.unchecked, Color.web("#6e7781"));
        failed = F.createStyleableColorProperty(c, "failed", "-timeline-failed", x -> x.style.failed, Color.web("#cf222e"));
        safety = F.createStyleableColorProperty(c, "safety", "-timeline-safety", x -> x.style.safety, Color.web("#0969da"));
        gap = F.createStyleableColorProperty(c, "gap", "-timeline-gap", x -> x.style.gap, Color.web("#bf8700", 0.18));
        spark = F.createStyleableColorProperty(c, "spark", "-timeline-spark", x -> x.style.spark, Color.web("#8250df"));
        now = F.createStyleableColorProperty(c, "now", "-timeline-now", x -> x.style.now, Color.web("#0969da"));
        selection = F.createStyleableColorProperty(c, "selection", "-timeline-selection", x -> x.style.selection, Color.web("#1f2328"));
    }

    static List<CssMetaData<? extends Styleable, ?>> metaData() {
        return F.getCssMetaData();
    }

    List<StyleableProperty<Color>> all() {
        return List.of(background, laneAlt, header, grid, text, muted, verified, drilled, unchecked, failed, safety,
                gap, spark, now, selection);
    }

    Palette palette() {
        return new Palette(background.getValue(), laneAlt.getValue(), header.getValue(), grid.getValue(),
                text.getValue(), muted.getValue(), verified.getValue(), drilled.getValue(), unchecked.getValue(),
                failed.getValue(), safety.getValue(), gap.getValue(), spark.getValue(), now.getValue(),
                selection.getValue());
    }
}
