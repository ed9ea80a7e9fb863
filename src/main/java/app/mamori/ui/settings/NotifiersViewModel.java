package app.mamori.ui.settings;

import app.mamori.engine.notify.Notifications;
import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import app.mamori.notify.WebhookSender;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Notification settings: the notifiers with their channel and events, a test message through
 * one, removing one, and adding a webhook or an e-mail notifier, for every job or one, with
 * the events ticked. The webhook URL and the SMTP password go to the secret store, never the
 * catalogue ({@link Notifications#add}, as {@code mamori notify add} does).
 */
public final class NotifiersViewModel {
    private final AppContext app;
    public final ObservableList<Notifier> notifiers = FXCollections.observableArrayList();
    public final StringProperty message = new SimpleStringProperty("");
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty url = new SimpleStringProperty("");
    public final ObjectProperty<NotifyChannel.WebhookFormat> format =
            new SimpleObjectProperty<>(NotifyChannel.WebhookFormat.JSON);
    public final BooleanProperty onFailure = new SimpleBooleanProperty(true);
    public final BooleanProperty onSuccess = new SimpleBooleanProperty(false);
    public final BooleanProperty onOverdue = new SimpleBooleanProperty(true);
    public final BooleanProperty onDigest = new SimpleBooleanProperty(false);
    public final StringProperty smtpHost = new SimpleStringProperty("");
    /** Empty for the security mode's usual port. */
    public final StringProperty smtpPort = new SimpleStringProperty("");
    public final ObjectProperty<NotifyChannel.SmtpSecurity> smtpSecurity =
            new SimpleObjectProperty<>(NotifyChannel.SmtpSecurity.STARTTLS);
    public final StringProperty smtpUser = new SimpleStringProperty("");
    public final StringProperty smtpPassword = new SimpleStringProperty("");
    /** A PEM certificate to trust besides the system's (an office server's own), or empty. */
    public final StringProperty smtpCa = new SimpleStringProperty("");
    public final StringProperty from = new SimpleStringProperty("");
    /** Comma-separated addresses. */
    public final StringProperty to = new SimpleStringProperty("");
    /** The job names a notifier can be limited to, for the form's choice. */
    public final ObservableList<String> jobs = FXCollections.observableArrayList();
    /** Empty (or null) for every job. */
    public final StringProperty job = new SimpleStringProperty("");
    /** The languages a notifier's notices can be written in, for the form's choice. */
    public final List<String> languages = Notifier.LANGUAGES;
    /** The new notifier's language: the app's own at first, so a Japanese office gets Japanese notices. */
    public final StringProperty language = new SimpleStringProperty();

    public NotifiersViewModel(AppContext app) {
        this.app = app;
        String appLanguage = app.text().locale().getLanguage();
        language.set(languages.contains(appLanguage) ? appLanguage : languages.get(0));
    }

    /** "Japanese", in the app's language. */
    public String languageName(String language) {
        return app.text().t("notify.language." + language);
    }

    public void refresh() {
        app.executor().submit(() -> app.services().notifiers().list(), notifiers::setAll, e -> message.set(ErrorWords.say(app.text(), e)));
        app.executor().submit(() -> app.services().jobs().list().stream().map(j -> j.name()).toList(), jobs::setAll,
                e -> message.set(ErrorWords.say(app.text(), e)));
    }

    private Optional<String> job() {
        return Optional.ofNullable(job.get()).map(String::trim).filter(j -> !j.isEmpty());
    }

    /** "ops-chat: slack webhook https://…, on failures, overdue jobs, all jobs, in Japanese", in the app's language. */
    public String describe(Notifier n) {
        var text = app.text();
        String channel = n.channel() instanceof NotifyChannel.Email e
                ? text.t("notifiers.email", String.join(", ", e.to()), e.host())
                : text.t("notifiers.webhook", ((NotifyChannel.Webhook) n.channel()).format().id(),
                ((NotifyChannel.Webhook) n.channel()).shownAs());
        String on = n.on().stream().sorted().map(ev -> text.t("notify.on." + ev.id()))
                .collect(Collectors.joining(text.t("schedule.listSeparator")));
        return text.t("notifiers.row", n.name(), channel, on,
                n.job().map(j -> text.t("notifiers.job", j)).orElse(text.t("notify.allJobs")),
                languageName(n.language()));
    }

    public void test(Notifier n) {
        message.set(app.text().t("notifiers.sending", n.name()));
        app.executor().submit(() -> app.services().notifiers().test(n.name()), d -> message.set(d.ok()
                ? app.text().t("notifiers.testSent", n.name())
                : app.text().t("notifiers.testFailed", n.name(), d.error().orElse(""))), e -> message.set(ErrorWords.say(app.text(), e)));
    }

    /** Has {@code n} write its notices in {@code language} from now on, as {@code mamori notify set --language} does. */
    public void setLanguage(Notifier n, String language) {
        if (n == null || language == null || language.equals(n.language())) {
            return;
        }
        app.executor().submit(() -> {
            app.services().notifiers().setLanguage(n.name(), language);
            return n.name();
        }, name -> {
            message.set(app.text().t("notifiers.languageSet", name, languageName(language)));
            refresh();
        }, e -> message.set(ErrorWords.say(app.text(), e)));
    }

    public void remove(Notifier n) {
        app.executor().submit(() -> {
            app.services().notifiers().remove(n.name());
            return n.name();
        }, removed -> {
            message.set(app.text().t("notifiers.removed", removed));
            refresh();
        }, e -> message.set(ErrorWords.say(app.text(), e)));
    }

    /** Adds a webhook notifier for every job; the URL (a credential for Slack or Discord) goes to the secret store. */
    public void addWebhook() {
        URI u;
        Notifier n;
        try {
            u = WebhookSender.parseUrl(url.get() == null ? "" : url.get());
            n = new Notifier(name.get().trim(), new NotifyChannel.Webhook(format.get(), WebhookSender.redact(u)),
                    events(), job(), language.get());
        } catch (RuntimeException e) {
            message.set(ErrorWords.say(app.text(), e));
            return;
        }
        add(n, Optional.of(u.toString()), () -> url.set(""));
    }

    /**
     * Adds an e-mail notifier for every job. A password without a user, a port that is not a
     * number, or an unreadable certificate file are refused here, naming the field; the model's
     * refusals come in the form's words too ({@code reason.} sentences name fields, not options).
     */
    public void addEmail() {
        Notifier n;
        String password = smtpPassword.get() == null ? "" : smtpPassword.get();
        String user = smtpUser.get() == null ? "" : smtpUser.get().trim();
        NotifyChannel.SmtpSecurity security = smtpSecurity.get();
        int port = security.defaultPort();
        if (!smtpPort.get().isBlank()) {
            try {
                port = Integer.parseInt(smtpPort.get().trim());
            } catch (NumberFormatException e) {
                message.set(app.text().t("notifiers.portNotANumber", smtpPort.get().trim(), security.defaultPort()));
                return;
            }
        }
        if (!password.isEmpty() && user.isEmpty()) {
            message.set(app.text().t("notifiers.userMissing"));
            return;
        }
        String ca = smtpCa.get() == null ? "" : smtpCa.get().trim();
        if (!ca.isEmpty() && !Files.isReadable(Path.of(ca))) {
            message.set(app.text().t("notifiers.caUnreadable", ca));
            return;
        }
        try {
            List<String> recipients = Arrays.stream((to.get() == null ? "" : to.get()).split(","))
                    .map(String::trim).filter(a -> !a.isEmpty()).toList();
            n = new Notifier(name.get().trim(), new NotifyChannel.Email(smtpHost.get().trim(), port, security,
                    Optional.of(user), from.get().trim(), recipients,
                    ca.isEmpty() ? Optional.empty() : Optional.of(Path.of(ca).toAbsolutePath().normalize().toString())),
                    events(), job(), language.get());
        } catch (RuntimeException e) {
            message.set(ErrorWords.say(app.text(), e));
            return;
        }
        add(n, password.isEmpty() ? Optional.empty() : Optional.of(password), () -> smtpPassword.set(""));
    }

    private Set<NotifyEvent> events() {
        Set<NotifyEvent> on = EnumSet.noneOf(NotifyEvent.class);
        if (onFailure.get()) {
            on.add(NotifyEvent.FAILURE);
        }
        if (onSuccess.get()) {
            on.add(NotifyEvent.SUCCESS);
        }
        if (onOverdue.get()) {
            on.add(NotifyEvent.OVERDUE);
        }
        if (onDigest.get()) {
            on.add(NotifyEvent.DIGEST);
        }
        return on;
    }

    private void add(Notifier n, Optional<String> secret, Runnable clearSecret) {
        app.executor().submit(() -> {
            app.services().notifiers().add(n, secret);
            return n.name();
        }, added -> {
            message.set(app.text().t("notifiers.added", added));
            name.set("");
            clearSecret.run();
            refresh();
        }, e -> message.set(ErrorWords.say(app.text(), e)));
    }
}
