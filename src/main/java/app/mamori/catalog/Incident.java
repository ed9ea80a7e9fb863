package app.mamori.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident: something went wrong and the admin is working on it. While it is open, every
 * point of its sources that existed when it was opened is held.
 *
 * @param closed    absent while the incident is open
 * @param wentWrong when the admin thinks things went wrong, if they said
 * @param held      how many points the incident holds now (none once closed)
 */
public record Incident(long id, Instant opened, Optional<Instant> closed, IncidentKind what, List<String> sources,
                       Optional<Instant> wentWrong, String title, int held) {
    public Incident {
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(title, "title");
        sources = List.copyOf(sources);
        closed = closed == null ? Optional.empty() : closed;
        wentWrong = wentWrong == null ? Optional.empty() : wentWrong;
    }

    public boolean open() {
        return closed.isEmpty();
    }

    /** What the admin says when opening one. */
    public record Opening(IncidentKind what, List<String> sources, Optional<Instant> wentWrong, String title) {
        public Opening {
            Objects.requireNonNull(what, "what");
            sources = List.copyOf(sources);
            wentWrong = wentWrong == null ? Optional.empty() : wentWrong;
            title = title == null || title.isBlank() ? what.id() + " on " + String.join(", ", sources) : title.strip();
        }
    }
}
