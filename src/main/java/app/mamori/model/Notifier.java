package app.mamori.model;

import java.util.Optional;
import java.util.Set;

/**
 * A named notification rule: which events, for one job or (when {@code job} is empty) all,
 * go to which channel.
 */
public record Notifier(String name, NotifyChannel channel, Set<NotifyEvent> on, Optional<String> job) {
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
    }

    public boolean wants(NotifyEvent event, String jobName) {
        return on.contains(event) && job.map(j -> j.equals(jobName)).orElse(true);
    }
}
