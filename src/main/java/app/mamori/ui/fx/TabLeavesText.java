package app.mamori.ui.fx;

import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab moves on from a text area as from any other control. JavaFX's text area types a tab
 * character instead and leaves only Ctrl+Tab to move on, which nobody guesses: a page with a
 * text area (Settings' contacts, a plan shown for copying) was a keyboard trap. Mamori's text
 * areas hold addresses, plans and logs, where a typed tab character is never wanted.
 */
public final class TabLeavesText {
    private TabLeavesText() {
    }

    /** In {@code scene}, Tab and Shift+Tab in a text area move the focus on, as Ctrl+Tab does there. */
    public static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()
                    && inTextArea(e.getTarget())) {
                e.consume();
                ((Node) e.getTarget()).fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB,
                        e.isShiftDown(), true, false, false));
            }
        });
    }

    private static boolean inTextArea(EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof TextArea) {
                return true;
            }
        }
        return false;
    }
}
