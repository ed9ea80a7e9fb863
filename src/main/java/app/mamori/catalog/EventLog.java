package app.mamori.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The activity log: what happened, when, on which server and in which job or run. */
public final class EventLog {
    private final CatalogConnection db;

    EventLog(CatalogConnection db) {
        this.db = db;
    }

    public void add(Event event) {
        db.autocommit(c -> Rows.update(c, "INSERT INTO events (time, level, server, job, run, kind, message,"
                + " message_key, message_args) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", event.time(), event.level().id(),
                event.server(), event.job(), event.run().isPresent() ? event.run().getAsLong() : null, event.kind(),
                event.message(), event.phrase().map(Event.Phrase::key).orElse(null),
                event.phrase().map(p -> NoteColumns.args(p.args())).orElse(null)));
    }

    /** Up to {@code limit} entries matching {@code filter}, newest first. */
    public List<Event> list(EventFilter filter, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filter.minLevel().ifPresent(min -> {
            List<EventLevel> levels = Arrays.stream(EventLevel.values()).filter(l -> l.compareTo(min) >= 0).toList();
            where.add("level IN (" + levels.stream().map(l -> "?").collect(Collectors.joining(", ")) + ")");
            levels.forEach(l -> params.add(l.id()));
        });
        filter.server().ifPresent(server -> condition(where, params, "server = ?", server));
        filter.job().ifPresent(job -> condition(where, params, "job = ?", job));
        filter.run().ifPresent(run -> condition(where, params, "run = ?", run));
        filter.kind().ifPresent(kind -> condition(where, params, "kind = ?", kind));
        filter.since().ifPresent(since -> condition(where, params, "time >= ?", since));
        params.add(limit);
        String sql = "SELECT time, level, server, job, run, kind, message, message_key, message_args FROM events"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY time DESC, id DESC LIMIT ?";
        return db.autocommit(c -> Rows.query(c, sql, EventLog::event, params.toArray()));
    }

    private static void condition(List<String> where, List<Object> params, String sql, Object value) {
        where.add(sql);
        params.add(value);
    }

    private static Event event(ResultSet row) throws SQLException {
        long run = row.getLong("run");
        OptionalLong runId = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(run);
        return new Event(Rows.instant(row, "time"), EventLevel.fromId(row.getString("level")),
                Rows.optionalString(row, "server"), Rows.optionalString(row, "job"), runId, row.getString("kind"),
                row.getString("message"), phrase(row.getString("message_key"), row.getString("message_args")));
    }

    /** A run's event read beside the run (columns named {@code prefix}time, ...), which gives its job and id. */
    static Event event(ResultSet row, String prefix, String job, long run) throws SQLException {
        return new Event(Rows.instant(row, prefix + "time"), EventLevel.fromId(row.getString(prefix + "level")),
                Rows.optionalString(row, prefix + "server"), Optional.of(job), OptionalLong.of(run),
                row.getString(prefix + "kind"), row.getString(prefix + "message"),
                phrase(row.getString(prefix + "message_key"), row.getString(prefix + "message_args")));
    }

    /** Unreadable arguments (a hand-edited catalogue) drop the phrase: the stored English message still says it. */
    private static Optional<Event.Phrase> phrase(String key, String args) {
        if (key == null) {
            return Optional.empty();
        }
        return NoteColumns.parse(args).map(list -> new Event.Phrase(key, list));
    }
}
