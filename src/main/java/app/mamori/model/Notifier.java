package app.mamori.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A named notification rule: which events, for one job or (when {@code job} is empty) all,
 * go to which channel, written in which language ({@code en} or {@code ja}).
 */
public record Notifier(String name, NotifyChannel channel, Set<NotifyEvent> on, Optional<String> job,
                       String language) {
    /** The languages notices are written in; the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "ja");

    public Notifier {
        Names.requireValid("notifier name", name);
        if (channel == null) {
            throw Refused.of("notifierChannel", "give --webhook URL or --smtp HOST");
        }
        if (on == null || on.isEmpty()) {
            throw Refused.of("notifierNoEvent", "--on: give at least one event");
        }
        on = Set.copyOf(on);
        job = job == null ? Optional.empty() : job;
        job.ifPresent(j -> Names.requireValid("job name", j));
        language = requireLanguage(language == null ? LANGUAGES.get(0) : language);
    }

    /** {@code language} when it is one of {@link #LANGUAGES}; anything else is refused, naming them. */
    public static String requireLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw Refused.of("notifierLanguage", "--language: '" + language + "' is not one of "
                    + String.join(", ", LANGUAGES), language);
        }
        return language;
    }

    /** A notifier whose notices are in English. */
    public Notifier(String name, NotifyChannel channel, Set<NotifyEvent> on, Optional<String> job) {
        this(name, channel, on, job, LANGUAGES.get(0));
    }

    public boolean wants(NotifyEvent event, String jobName) {
        return on.contains(event) && job.map(j -> j.equals(jobName)).orElse(true);
    }
}
