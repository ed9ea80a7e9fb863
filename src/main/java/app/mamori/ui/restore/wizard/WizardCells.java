package app.mamori.ui.restore.wizard;

import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** What the wizard's pages share: list cells that wrap long text, and copying to the clipboard. */
final class WizardCells {
    private WizardCells() {
    }

    /** A label that wraps and never shrinks below its text's height. */
    static javafx.scene.control.Label wrapped(String s) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(s);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** Cells that wrap long text (paths, table lists) instead of cutting it; no sideways scrolling. */
    static <T> void wrapping(ListView<T> list, java.util.function.Function<T, String> shown) {
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                // a long path without spaces cannot wrap: keep its end (the file's name) in view
                setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : shown.apply(item));
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(getText()));
            }
        });
    }

    /** Puts {@code s} on the clipboard, as Copy buttons do. */
    static void copy(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
