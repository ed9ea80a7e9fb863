package app.mamori.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of the activity log.
 *
 * @param kind    a stable machine word for filtering, such as {@code run-started} or {@code host-key-changed}
 * @param message the sentence the admin reads, in English: the CLI prints it, and the app shows it when
 *                there is no {@code phrase}
 * @param phrase  the same sentence as a message key and its arguments, for the app to say in the
 *                admin's language; empty for old rows and for kinds with no key
 */
public record Event(Instant time, EventLevel level, Optional<String> server, Optional<String> job,
                    OptionalLong run, String kind, String message, Optional<Phrase> phrase) {

    /** A message key ({@code event.} plus it names the app's sentence) and its arguments as text. */
    public record Phrase(String key, List<String> args) {
        public Phrase {
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }
    }

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        server = server == null ? Optional.empty() : server;
        job = job == null ? Optional.empty() : job;
        run = run == null ? OptionalLong.empty() : run;
        phrase = phrase == null ? Optional.empty() : phrase;
    }

    public Event(Instant time, EventLevel level, Optional<String> server, Optional<String> job, OptionalLong run,
                 String kind, String message) {
        this(time, level, server, job, run, kind, message, Optional.empty());
    }

    public static Event at(Instant time, EventLevel level, String kind, String message) {
        return new Event(time, level, Optional.empty(), Optional.empty(), OptionalLong.empty(), kind, message);
    }

    public Event withServer(String server) {
        return new Event(time, level, Optional.of(server), job, run, kind, message, phrase);
    }

    public Event withJob(String job) {
        return new Event(time, level, server, Optional.of(job), run, kind, message, phrase);
    }

    public Event withRun(long run) {
        return new Event(time, level, server, job, OptionalLong.of(run), kind, message, phrase);
    }

    /** The message again as {@code key} with {@code args} (each as its {@code String.valueOf}). */
    public Event withPhrase(String key, Object... args) {
        return new Event(time, level, server, job, run, kind, message,
                Optional.of(new Phrase(key, Arrays.stream(args).map(String::valueOf).toList())));
    }
}
