package app.mamori.service;

import app.mamori.engine.notify.Notifications;
import app.mamori.model.Notifier;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Notifiers (e-mail, webhooks) with their secrets in the secret store. */
public final class NotifierService {
    private final Services services;

    NotifierService(Services services) {
        this.services = services;
    }

    public List<Notifier> list() {
        return services.catalog().notifiers().list();
    }

    /** Adds a notifier; its password or URL goes to the secret store, never into the catalogue. */
    public void add(Notifier notifier, Optional<String> secret) throws IOException {
        Notifications.add(services.catalog(), services.secrets(), notifier, secret);
    }

    /** Writes the notifier's notices in {@code language} ({@code en} or {@code ja}) from now on. */
    public void setLanguage(String name, String language) {
        services.catalog().notifiers().setLanguage(name, language);
    }

    /** Sends a test notice now. */
    public Notifications.Delivery test(String name) {
        return services.notifications().test(name);
    }

    public void remove(String name) throws IOException {
        services.catalog().notifiers().remove(name);
        services.secrets().remove(Notifications.passwordKey(name));
        services.secrets().remove(Notifications.urlKey(name));
    }
}
