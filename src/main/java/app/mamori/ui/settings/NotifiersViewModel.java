package app.mamori.ui.settings;

import app.mamori.engine.notify.Notifications;
import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import app.mamori.notify.WebhookSender;
import app.mamori.ui.AppContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Notification settings: the notifiers with their channel and events, a test message through
 * one, removing one, and adding a webhook (e-mail notifiers are added with {@code mamori notify
 * add --smtp}; they are listed, tested and removed here too). The URL goes to the secret store.
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

    public NotifiersViewModel(AppContext app) {
        this.app = app;
    }

    public void refresh() {
        app.executor().submit(() -> app.catalog().notifiers().list(), notifiers::setAll, e -> message.set(e.getMessage()));
    }

    /** "slack webhook https://hooks.slack.com/… on failure, overdue for all jobs" */
    public static String describe(Notifier n) {
        String channel = n.channel() instanceof NotifyChannel.Email e
                ? "e-mail to " + String.join(", ", e.to()) + " via " + e.host()
                : ((NotifyChannel.Webhook) n.channel()).format().id() + " webhook "
                + ((NotifyChannel.Webhook) n.channel()).shownAs();
        return n.name() + ": " + channel + ", on " + n.on().stream().sorted().map(NotifyEvent::id)
                .collect(Collectors.joining(", ")) + n.job().map(j -> ", job " + j).orElse(", all jobs");
    }

    public void test(Notifier n) {
        message.set("sending a test message through " + n.name() + "...");
        app.executor().submit(() -> app.notifications().test(n.name()), d -> message.set(d.ok()
                ? "test message sent through " + n.name() : "could not send through " + n.name() + ": "
                + d.error().orElse("")), e -> message.set(e.getMessage()));
    }

    public void remove(Notifier n) {
        app.executor().submit(() -> {
            app.catalog().notifiers().remove(n.name());
            app.secrets().remove(Notifications.passwordKey(n.name()));
            app.secrets().remove(Notifications.urlKey(n.name()));
            return n.name();
        }, removed -> {
            message.set("removed notifier " + removed);
            refresh();
        }, e -> message.set(e.getMessage()));
    }

    /** Adds a webhook notifier for every job; the URL (a credential for Slack or Discord) goes to the secret store. */
    public void addWebhook() {
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
        URI u;
        Notifier n;
        try {
            u = WebhookSender.parseUrl(url.get() == null ? "" : url.get());
            n = new Notifier(name.get().trim(), new NotifyChannel.Webhook(format.get(), WebhookSender.redact(u)), on,
                    Optional.empty());
        } catch (RuntimeException e) {
            message.set(e.getMessage());
            return;
        }
        app.executor().submit(() -> {
            if (app.catalog().notifiers().find(n.name()).isPresent()) {
                throw new IllegalArgumentException("a notifier named " + n.name() + " exists already");
            }
            app.secrets().put(Notifications.urlKey(n.name()), u.toString());
            app.catalog().notifiers().add(n);
            return n.name();
        }, added -> {
            message.set("added notifier " + added + "; try it with Send test");
            name.set("");
            url.set("");
            refresh();
        }, e -> message.set(e.getMessage()));
    }
}
