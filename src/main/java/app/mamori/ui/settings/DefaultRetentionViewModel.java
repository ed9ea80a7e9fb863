package app.mamori.ui.settings;

import app.mamori.model.RetentionPolicy;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** The retention policy new jobs start with: keep last / hourly / daily / weekly / monthly / yearly. */
public final class DefaultRetentionViewModel {
    public static final List<String> RULES = List.of("last", "hourly", "daily", "weekly", "monthly", "yearly");
    private final AppContext app;
    public final List<StringProperty> keep = RULES.stream().map(r -> (StringProperty) new SimpleStringProperty("0"))
            .toList();
    public final StringProperty message = new SimpleStringProperty("");

    public DefaultRetentionViewModel(AppContext app) {
        this.app = app;
        app.executor().submit(() -> app.services().jobs().defaultRetention(), p -> {
            int[] n = {p.last(), p.hourly(), p.daily(), p.weekly(), p.monthly(), p.yearly()};
            for (int i = 0; i < n.length; i++) {
                keep.get(i).set(Integer.toString(n[i]));
            }
        }, e -> message.set(ErrorWords.say(app.text(), e)));
    }

    public void save() {
        RetentionPolicy p;
        try {
            int[] n = keep.stream().mapToInt(k -> Integer.parseInt(k.get().trim())).toArray();
            p = new RetentionPolicy(n[0], n[1], n[2], n[3], n[4], n[5]);
        } catch (NumberFormatException e) {
            message.set(app.text().t("editor.keepNotANumber"));
            return;
        } catch (IllegalArgumentException e) {
            message.set(ErrorWords.say(app.text(), e));
            return;
        }
        app.executor().submit(() -> {
            app.services().jobs().setDefaultRetention(p);
            return p;
        }, saved -> message.set(saved.keepsAll() ? app.text().t("settings.retention.keepsAll")
                : app.text().t("settings.retention.saved", new app.mamori.ui.fx.RetentionWords(app.text()).policy(saved))),
                e -> message.set(ErrorWords.say(app.text(), e)));
    }
}
