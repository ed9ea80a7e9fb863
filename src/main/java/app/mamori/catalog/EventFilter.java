package app.mamori.catalog;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Which activity-log entries to show; each present criterion narrows the result. */
public record EventFilter(Optional<EventLevel> minLevel, Optional<String> server, Optional<String> job,
                          OptionalLong run, Optional<String> kind, Optional<Instant> since) {

    public static EventFilter all() {
        return new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty());
    }

    public EventFilter atLeast(EventLevel level) {
        return new EventFilter(Optional.of(level), server, job, run, kind, since);
    }

    public EventFilter server(String name) {
        return new EventFilter(minLevel, Optional.of(name), job, run, kind, since);
    }

    public EventFilter job(String name) {
        return new EventFilter(minLevel, server, Optional.of(name), run, kind, since);
    }

    public EventFilter run(long id) {
        return new EventFilter(minLevel, server, job, OptionalLong.of(id), kind, since);
    }

    public EventFilter kind(String word) {
        return new EventFilter(minLevel, server, job, run, Optional.of(word), since);
    }

    public EventFilter since(Instant time) {
        return new EventFilter(minLevel, server, job, run, kind, Optional.of(time));
    }
}
