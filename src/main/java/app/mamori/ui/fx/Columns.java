package app.mamori.ui.fx;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

import java.util.function.Function;

/**
 * Text columns that never hide what they hold: the column is at least as wide as its
 * header (in any language), and a cell too narrow for its text shows all of it on hover.
 */
public final class Columns {
    /** Room for the header's padding and the sort arrow. */
    private static final double HEADER_PADDING = 28;

    private Columns() {
    }

    public static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setMinWidth(headerWidth(title));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isEmpty() ? null : new Tooltip(s));
            }
        });
        return c;
    }

    /**
     * As {@link #text}, with cells that wrap onto more lines instead of cutting: for a table whose
     * every word matters at a glance (the dashboard), where a tooltip is one hover too many.
     */
    public static <T> TableColumn<T, String> wrapping(String title, Function<T, String> value) {
        TableColumn<T, String> c = text(title, value);
        c.setCellFactory(x -> new TableCell<>() {
            private final Text shown = new Text();

            {
                shown.wrappingWidthProperty().bind(c.widthProperty().subtract(14));
                shown.getStyleClass().add("text");
                shown.fillProperty().bind(textFillProperty());
                shown.fontProperty().bind(fontProperty());
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                shown.setText(empty || s == null ? "" : s);
                setText(null);
                setGraphic(empty ? null : shown);
            }
        });
        return c;
    }

    /** The width a header needs to show {@code title} whole. */
    public static double headerWidth(String title) {
        return textWidth(title) + HEADER_PADDING;
    }

    /** The width of {@code s} in the default font, rounded up. */
    public static double textWidth(String s) {
        return Math.ceil(new Text(s).getLayoutBounds().getWidth());
    }
}
