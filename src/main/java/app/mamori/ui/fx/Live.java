package app.mamori.ui.fx;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * Keeps a page current while it is shown: it reloads when a trigger (catalogue changes,
 * finished runs) moves, and once more when it comes back on screen after being away. The listener is only
 * attached while the page's node is in a scene, so pages that were left do not keep
 * reloading (or stay reachable) behind the one on screen.
 */
public final class Live {
    private Live() {
    }

    public static void reloadWhileShown(Node page, Runnable reload, ObservableValue<?>... triggers) {
        ChangeListener<Object> onChange = (o, a, b) -> reload.run();
        boolean[] wasHidden = {false};
        page.sceneProperty().addListener((o, before, scene) -> {
            for (ObservableValue<?> t : triggers) {
                if (scene == null) {
                    t.removeListener(onChange);
                } else if (before == null) {
                    t.addListener(onChange);
                }
            }
            if (scene == null) {
                wasHidden[0] = true;
            } else if (before == null && wasHidden[0]) {
                // what changed while the page was away
                reload.run();
            }
        });
        if (page.getScene() != null) {
            for (ObservableValue<?> t : triggers) {
                t.addListener(onChange);
            }
        }
    }
}
