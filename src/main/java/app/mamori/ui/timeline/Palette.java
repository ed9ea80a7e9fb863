package app.mamori.ui.timeline;

import javafx.scene.paint.Color;

/** The colours the timeline draws with, read from the app CSS (see {@link TimelineControl}). */
record Palette(Color background, Color laneAlt, Color header, Color grid, Color text, Color muted, Color verified,
               Color drilled, Color unchecked, Color failed, Color safety, Color gap, Color spark, Color now,
               Color selection) {

    Color of(Look look) {
        return switch (look) {
            case DRILLED -> drilled;
            case VERIFIED -> verified;
            case SAFETY -> safety;
            case UNCHECKED -> unchecked;
            case FAILED -> failed;
        };
    }
}
