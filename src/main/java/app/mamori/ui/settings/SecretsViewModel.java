package app.mamori.ui.settings;

import app.mamori.secret.SecretStorage;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;

/**
 * Where Mamori keeps passwords, for the Settings page: the OS keyring, or secrets.json and why.
 * Asking may connect to the keyring (and move the file's secrets there), so it runs off the FX thread.
 */
public final class SecretsViewModel {
    private final AppContext app;
    private final ReadOnlyStringWrapper where = new ReadOnlyStringWrapper("");

    public SecretsViewModel(AppContext app) {
        this.app = app;
        app.executor().submit(() -> app.services().secrets().storage(), s -> where.set(text(s)),
                e -> where.set(app.text().t("settings.secrets.unreadable", String.valueOf(ErrorWords.say(app.text(), e)))));
    }

    public ReadOnlyStringProperty whereProperty() {
        return where.getReadOnlyProperty();
    }

    String text(SecretStorage s) {
        var t = app.text();
        String file = s.file().toString();
        String where = s.keyring().map(k -> t.t("settings.secrets.keyring", k)).orElse(t.t("settings.secrets.file", file));
        if (s.keyring().isPresent() && s.inFile() > 0) {
            where += " " + t.t("settings.secrets.stillInFile", s.inFile(), file);
        }
        return where + s.reason().map(r -> " " + t.t("settings.secrets.reason." + r.name().toLowerCase(Locale.ROOT),
                s.detail())).orElse("");
    }
}
