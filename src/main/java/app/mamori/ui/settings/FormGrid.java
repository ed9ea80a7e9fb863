package app.mamori.ui.settings;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A settings form: section headings across the page, then rows of a label on the left (whole,
 * in any language, at the top of its row) and the field on the right, with help text that
 * wraps under the field instead of being cut.
 */
final class FormGrid {
    /** Style class of help text under a field; a test finds them by it. */
    static final String HELP = "settings-help";
    /** Style class of the label column. */
    static final String LABEL = "settings-label";

    private final GridPane grid = new GridPane();
    private int row;

    FormGrid(String id) {
        grid.setId(id);
        grid.setHgap(16);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(0);
        grid.getColumnConstraints().setAll(labels, fields);
    }

    /** A heading over the rows that follow, with a rule above all but the first. */
    FormGrid section(String title, String id) {
        Label heading = new Label(title);
        heading.setId(id);
        heading.getStyleClass().add("title-4");
        Node node = heading;
        if (row > 0) {
            VBox box = new VBox(8, new Separator(), heading);
            box.setPadding(new Insets(8, 0, 0, 0));
            node = box;
        }
        grid.add(node, 0, row++, 2, 1);
        return this;
    }

    /** A labelled field, with help under it when {@code help} is not null. */
    FormGrid row(String label, Node field, String help) {
        Label l = new Label(label);
        l.getStyleClass().add(LABEL);
        l.setLabelFor(field);
        // the top of a tall field (a list, a group of boxes) is where its label belongs; the padding meets the field's text
        l.setPadding(new Insets(4, 0, 0, 0));
        GridPane.setValignment(l, VPos.TOP);
        Node right = field;
        if (help != null) {
            right = new VBox(6, field, help(help));
        }
        GridPane.setValignment(right, VPos.TOP);
        grid.addRow(row++, l, right);
        return this;
    }

    /** Help text that wraps to the field's width and keeps every line. */
    static Label help(String text) {
        Label h = new Label(text);
        h.getStyleClass().addAll(HELP, "text-muted");
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        h.setMaxWidth(Double.MAX_VALUE);
        return h;
    }

    GridPane node() {
        return grid;
    }
}
