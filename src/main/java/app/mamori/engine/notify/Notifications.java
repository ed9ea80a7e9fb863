package app.mamori.engine.notify;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.engine.DueOutcome;
import app.mamori.engine.RunResult;
import app.mamori.engine.verify.ScheduledDrills;
import app.mamori.model.Job;
import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import app.mamori.model.Refused;
import app.mamori.notify.EmailSender;
import app.mamori.notify.Notice;
import app.mamori.notify.NotifyException;
import app.mamori.notify.Sender;
import app.mamori.notify.WebhookSender;
import app.mamori.secret.SecretStore;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Delivers notices to the notifiers that want them and logs every delivery. Never throws for
 * a delivery that failed: the result says so, and so does the activity log.
 */
public final class Notifications {
    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

    private final Catalog catalog;
    private final SecretStore secrets;
    private final Clock clock;

    public Notifications(Catalog catalog, SecretStore secrets, Clock clock) {
        this.catalog = catalog;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** How one delivery went; {@code error} is empty when it was delivered. */
    public record Delivery(String notifier, Optional<String> error) {
        public boolean ok() {
            return error.isEmpty();
        }
    }

    public static String passwordKey(String notifier) {
        return "notify/" + notifier + "/password";
    }

    public static String urlKey(String notifier) {
        return "notify/" + notifier + "/url";
    }

    /**
     * Adds a notifier, its secret (an SMTP password, a webhook URL) into the secret store and
     * never the catalogue; when the catalogue refuses it, the secret is taken back out. The CLI's
     * {@code notify add} and the app's settings page both add through here.
     */
    public static void add(Catalog catalog, SecretStore secrets, Notifier n, Optional<String> secret) throws IOException {
        if (catalog.notifiers().find(n.name()).isPresent()) {
            // checked before the secret is stored: storing first would replace the existing notifier's secret
            throw Refused.of("notifierExists", "notifier '" + n.name() + "' already exists; choose another name, or"
                    + " remove it first (mamori notify remove " + n.name() + ")", n.name());
        }
        String key = n.channel() instanceof NotifyChannel.Email ? passwordKey(n.name()) : urlKey(n.name());
        if (secret.isPresent()) {
            secrets.put(key, secret.get());
        }
        try {
            catalog.notifiers().add(n);
        } catch (RuntimeException e) {
            if (secret.isPresent()) {
                secrets.remove(key);
            }
            throw e;
        }
    }

    /** Tells those who asked about a finished run: failure or success. */
    public List<Delivery> afterRun(RunResult result) {
        Optional<String> server = serverOf(result.job());
        Instant now = clock.instant();
        return deliver(t -> RunNotices.of(t, result, server.orElse("?"), now), result.job(), server);
    }

    /** Tells those who asked about failures that a job could not start at all. */
    public List<Delivery> notStarted(String job, String error) {
        Instant now = clock.instant();
        return deliver(t -> RunNotices.notStarted(t, job, error, now), job, serverOf(job));
    }

    /** Tells those who asked what became of each job that run-due found due. */
    public List<Delivery> afterDue(List<DueOutcome> outcomes) {
        List<Delivery> out = new ArrayList<>();
        for (DueOutcome o : outcomes) {
            if (o.run().isPresent()) {
                out.addAll(afterRun(o.run().get()));
            } else if (o.failed()) {
                out.addAll(notStarted(o.job(), o.message()));
            }
        }
        return out;
    }

    /** Tells those who asked how each scheduled drill went. */
    public List<Delivery> afterDrills(List<ScheduledDrills.Outcome> outcomes) {
        List<Delivery> out = new ArrayList<>();
        for (var o : outcomes) {
            Optional<String> server = serverOf(o.job());
            Instant now = clock.instant();
            out.addAll(deliver(t -> StatusNotices.drill(t, o, server.orElse("?"), now), o.job(), server));
        }
        return out;
    }

    /** Sends a test message through one notifier, whatever events it is for. */
    public Delivery test(String name) {
        Notifier n = catalog.notifiers().find(name).orElseThrow(() -> new IllegalArgumentException(
                "notifier '" + name + "' does not exist; see: mamori notify list"));
        return deliverTo(n, RunNotices.test(NoticeText.of(n.language()), name, clock.instant()), Optional.empty(),
                Optional.empty());
    }

    /**
     * Delivers to every notifier that wants the notice's event for {@code job}, each in its own
     * language: {@code write} says the notice in the language it is given, written once per language.
     */
    public List<Delivery> deliver(Function<NoticeText, Notice> write, String job, Optional<String> server) {
        Map<NoticeText, Notice> said = new HashMap<>();
        NotifyEvent event = said.computeIfAbsent(NoticeText.EN, write).event();
        List<Delivery> out = new ArrayList<>();
        for (Notifier n : catalog.notifiers().wanting(event, job)) {
            out.add(deliverTo(n, said.computeIfAbsent(NoticeText.of(n.language()), write), Optional.of(job), server));
        }
        return out;
    }

    Delivery deliverTo(Notifier n, Notice notice, Optional<String> job, Optional<String> server) {
        String what = (notice.test() ? "test message" : notice.event().id() + " notice") + " to notifier " + n.name();
        try {
            sender(n).send(notice);
            record(EventLevel.INFO, "notify-sent", "sent " + what, job, server,
                    new Object[] {notice.test() ? "notifyTestSent" : "notifySent", n.name(), notice.event().id()});
            return new Delivery(n.name(), Optional.empty());
        } catch (NotifyException e) {
            LOG.log(System.Logger.Level.WARNING, "could not send " + what, e);
            // the reason's key and arguments follow the English, for the app to say it in its own language
            List<Object> phrase = new ArrayList<>(List.of(notice.test() ? "notifyTestFailed" : "notifyFailed", n.name(),
                    notice.event().id(), e.getMessage()));
            e.reason().ifPresent(r -> {
                phrase.add(r.key());
                phrase.addAll(r.args());
            });
            record(EventLevel.WARNING, "notify-failed", "could not send " + what + ": " + e.getMessage(), job, server,
                    phrase.toArray());
            return new Delivery(n.name(), Optional.of(e.getMessage()));
        }
    }

    /** The sender for a notifier, with its secret taken from the store. */
    Sender sender(Notifier n) throws NotifyException {
        try {
            if (n.channel() instanceof NotifyChannel.Email e) {
                return new EmailSender(e, secrets.get(passwordKey(n.name())));
            }
            NotifyChannel.Webhook w = (NotifyChannel.Webhook) n.channel();
            String url = secrets.get(urlKey(n.name())).orElseThrow(() -> new NotifyException("the URL of notifier "
                    + n.name() + " is missing from the secret store; remove the notifier and add it again"));
            return new WebhookSender(w.format(), URI.create(url));
        } catch (IOException e) {
            throw new NotifyException("cannot read the secret store: " + e.getMessage(), e);
        }
    }

    Optional<String> serverOf(String job) {
        return catalog.jobs().find(job).map(Job::sources).filter(s -> !s.isEmpty())
                .flatMap(s -> catalog.sources().find(s.get(0))).map(s -> s.server());
    }

    /** {@code phrase}: the message key, then its arguments (catalog.Event#phrase). */
    private void record(EventLevel level, String kind, String message, Optional<String> job, Optional<String> server,
                        Object[] phrase) {
        Event e = Event.at(clock.instant(), level, kind, message).withPhrase((String) phrase[0],
                java.util.Arrays.copyOfRange(phrase, 1, phrase.length));
        e = job.map(e::withJob).orElse(e);
        e = server.map(e::withServer).orElse(e);
        catalog.events().add(e);
    }
}
