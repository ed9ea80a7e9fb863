package app.mamori.ui.settings;

import app.mamori.catalog.RunbookStore;
import app.mamori.engine.runbook.RunbookFormat;
import app.mamori.engine.runbook.RunbookText;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runbook on the Settings page: the contacts it prints (one per line, "name; role; phone;
 * e-mail"), and Export runbook, written off the FX thread in the app's language.
 */
public final class RunbookViewModel {
    private final AppContext app;
    private final ZoneId zone;
    /** One contact per line: {@code name; role; phone; e-mail}, only the name required. */
    public final StringProperty contacts = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public RunbookViewModel(AppContext app, ZoneId zone) {
        this.app = app;
        this.zone = zone;
        app.executor().submit(() -> app.services().runbook().contacts(), list -> contacts.set(String.join("\n",
                list.stream().map(RunbookViewModel::line).toList())), e -> message.set(ErrorWords.say(app.text(), e)));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    static String line(RunbookStore.Contact c) {
        String l = String.join("; ", c.name(), c.role(), c.phone(), c.email());
        return l.replaceAll("(; )+$", "");
    }

    /** The contacts as typed, or empty with the message saying which line is wrong. */
    Optional<List<RunbookStore.Contact>> parsed() {
        List<RunbookStore.Contact> out = new ArrayList<>();
        String[] lines = contacts.get() == null ? new String[0] : contacts.get().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(";", -1);
            if (f.length > 4 || f[0].isBlank()) {
                message.set(app.text().t("runbook.contactLine", i + 1));
                return Optional.empty();
            }
            out.add(new RunbookStore.Contact(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "",
                    f.length > 3 ? f[3] : ""));
        }
        return Optional.of(out);
    }

    public void saveContacts() {
        Optional<List<RunbookStore.Contact>> list = parsed();
        if (list.isEmpty()) {
            return;
        }
        app.executor().submit(() -> {
            app.services().runbook().setContacts(list.get());
            return list.get().size();
        }, n -> message.set(app.text().t("runbook.contactsSaved", n)), e -> message.set(ErrorWords.say(app.text(), e)));
    }

    /** Writes the runbook to {@code file}: HTML when it ends in .html, else Markdown; in the app's language. */
    public void export(Path file) {
        RunbookFormat format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")
                ? RunbookFormat.HTML : RunbookFormat.MD;
        RunbookText text = new RunbookText(app.text().locale());
        busy.set(true);
        message.set(app.text().t("runbook.writing"));
        app.executor().submit(() -> {
            app.services().runbook().export(file, Optional.empty(), format, text, zone);
            return file;
        }, f -> {
            busy.set(false);
            message.set(app.text().t("runbook.written", f.toString()));
        }, e -> {
            busy.set(false);
            message.set(app.text().t("runbook.failed", ErrorWords.say(app.text(), e)));
        });
    }
}
