package app.mamori.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a notifier is told about. */
public enum NotifyEvent {
    /** A run failed, or some of its sources did. */
    FAILURE,
    /** A run succeeded. */
    SUCCESS,
    /** A job's last success is older than its schedule allows. */
    OVERDUE,
    /** Once a day, the state of every job. */
    DIGEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code failure,success} as the CLI takes it; names the bad word and the good ones. */
    public static Set<NotifyEvent> parseList(String list) {
        Set<NotifyEvent> out = new LinkedHashSet<>();
        for (String word : list.split(",")) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            out.add(Arrays.stream(values()).filter(e -> e.id().equals(w)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--on: '" + word.trim() + "' is not an event; use "
                            + Arrays.stream(values()).map(NotifyEvent::id).collect(Collectors.joining(", ")))));
        }
        if (out.isEmpty()) {
            throw Refused.of("notifierNoEvent", "--on: give at least one event");
        }
        return out;
    }
}
