package app.mamori.catalog;

import app.mamori.model.Notifier;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Notification rules. Their secrets are in the secret store, never here. */
public final class NotifierStore {
    private final CatalogConnection db;
    private final Clock clock;

    NotifierStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void add(Notifier n) {
        db.write(c -> {
            if (Rows.exists(c, "SELECT 1 FROM notifiers WHERE name = ?", n.name())) {
                throw CatalogException.refused("notifierExists", "notifier '" + n.name() + "' already exists; remove it"
                        + " first with: mamori notify remove " + n.name(), n.name());
            }
            if (n.job().isPresent() && !Rows.exists(c, "SELECT 1 FROM jobs WHERE name = ?", n.job().get())) {
                throw CatalogException.refused("jobGone", "--job: job '" + n.job().get() + "' does not exist; see: mamori"
                        + " job list", n.job().get());
            }
            Rows.update(c, "INSERT INTO notifiers (name, channel, settings, events, job, created, language)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", n.name(), channelId(n.channel()), settings(n.channel()),
                    n.on().stream().sorted().map(NotifyEvent::id).collect(Collectors.joining(",")), n.job(),
                    clock.instant(), n.language());
            return null;
        });
    }

    public Optional<Notifier> find(String name) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT * FROM notifiers WHERE name = ?", NotifierStore::row, name));
    }

    public List<Notifier> list() {
        return db.autocommit(c -> Rows.query(c, "SELECT * FROM notifiers ORDER BY name", NotifierStore::row));
    }

    /** Those that want {@code event} for {@code job}: the job's own and the global ones. */
    public List<Notifier> wanting(NotifyEvent event, String job) {
        return list().stream().filter(n -> n.wants(event, job)).toList();
    }

    /** Writes the notifier's notices in {@code language} from now on ({@link Notifier#LANGUAGES}). */
    public void setLanguage(String name, String language) {
        Notifier.requireLanguage(language);
        db.write(c -> {
            if (Rows.update(c, "UPDATE notifiers SET language = ? WHERE name = ?", language, name) == 0) {
                throw CatalogException.refused("notifierGone", "notifier '" + name + "' does not exist; see: mamori"
                        + " notify list", name);
            }
            return null;
        });
    }

    public void remove(String name) {
        db.write(c -> {
            if (Rows.update(c, "DELETE FROM notifiers WHERE name = ?", name) == 0) {
                throw CatalogException.refused("notifierGone", "notifier '" + name + "' does not exist; see: mamori"
                        + " notify list", name);
            }
            return null;
        });
    }

    /**
     * Claims a notice that must go out once ({@code kind} overdue or digest, {@code key} naming the
     * episode or the day). True for the one caller that claimed it; false if it was claimed before.
     */
    public boolean claimOnce(String kind, String key) {
        return db.write(c -> Rows.update(c, "INSERT OR IGNORE INTO notices_sent (kind, key, time) VALUES (?, ?, ?)",
                kind, key, clock.instant()) == 1);
    }

    private static String channelId(NotifyChannel ch) {
        return ch instanceof NotifyChannel.Email ? "email" : "webhook";
    }

    private static String settings(NotifyChannel ch) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (ch instanceof NotifyChannel.Email e) {
            m.put("host", e.host());
            m.put("port", e.port());
            m.put("security", e.security().id());
            e.user().ifPresent(u -> m.put("user", u));
            m.put("from", e.from());
            m.put("to", e.to());
            e.caFile().ifPresent(f -> m.put("caFile", f));
        } else if (ch instanceof NotifyChannel.Webhook w) {
            m.put("format", w.format().id());
            m.put("shownAs", w.shownAs());
        }
        try {
            return Json.MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new CatalogException("cannot store notifier settings: " + e.getMessage(), e);
        }
    }

    private static Notifier row(ResultSet r) throws SQLException {
        JsonNode s;
        try {
            s = Json.MAPPER.readTree(r.getString("settings"));
        } catch (JsonProcessingException e) {
            throw new SQLException("notifier " + r.getString("name") + " has unreadable settings", e);
        }
        NotifyChannel channel;
        if ("email".equals(r.getString("channel"))) {
            List<String> to = new ArrayList<>();
            s.get("to").forEach(t -> to.add(t.asText()));
            channel = new NotifyChannel.Email(s.get("host").asText(), s.get("port").asInt(),
                    NotifyChannel.SmtpSecurity.parse(s.get("security").asText()), text(s, "user"),
                    s.get("from").asText(), to, text(s, "caFile"));
        } else {
            channel = new NotifyChannel.Webhook(NotifyChannel.WebhookFormat.parse(s.get("format").asText()),
                    s.get("shownAs").asText());
        }
        Set<NotifyEvent> events = NotifyEvent.parseList(r.getString("events"));
        return new Notifier(r.getString("name"), channel, events, Optional.ofNullable(r.getString("job")),
                r.getString("language"));
    }

    private static Optional<String> text(JsonNode s, String field) {
        return s.hasNonNull(field) ? Optional.of(s.get(field).asText()) : Optional.empty();
    }
}
