package app.mamori.ui.fx;

import java.util.function.Consumer;

/** For background loads whose failure has no place on screen yet: the log gets it, with what was being done. */
public final class UiErrors {
    private static final System.Logger LOG = System.getLogger(UiErrors.class.getName());

    private UiErrors() {
    }

    public static Consumer<Throwable> logged(String what) {
        return e -> LOG.log(System.Logger.Level.WARNING, what + " failed: " + e.getMessage(), e);
    }
}
