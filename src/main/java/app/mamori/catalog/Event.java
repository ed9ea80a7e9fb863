package app.mamori.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of the activity log.
 *
 * @param kind    a stable machine word for filtering, such as {@code run-started} or {@code host-key-changed}
 * @param message the sentence the admin reads
 */
public record Event(Instant time, EventLevel level, Optional<String> server, Optional<String> job,
                    OptionalLong run, String kind, String message) {

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        server = server == null ? Optional.empty() : server;
        job = job == null ? Optional.empty() : job;
        run = run == null ? OptionalLong.empty() : run;
    }

    public static Event at(Instant time, EventLevel level, String kind, String message) {
        return new Event(time, level, Optional.empty(), Optional.empty(), OptionalLong.empty(), kind, message);
    }

    public Event withServer(String server) {
        return new Event(time, level, Optional.of(server), job, run, kind, message);
    }

    public Event withJob(String job) {
        return new Event(time, level, server, Optional.of(job), run, kind, message);
    }

    public Event withRun(long run) {
        return new Event(time, level, server, job, OptionalLong.of(run), kind, message);
    }
}
