package app.mamori.service;

import app.mamori.catalog.Event;
import app.mamori.catalog.EventFilter;
import app.mamori.catalog.Run;

import java.util.List;
import java.util.Optional;

/** The activity log: events newest first, and the run an event belongs to. */
public final class ActivityService {
    private final Services services;

    ActivityService(Services services) {
        this.services = services;
    }

    public List<Event> events(EventFilter filter, int limit) {
        return services.catalog().events().list(filter, limit);
    }

    public Optional<Run> run(long id) {
        return services.catalog().runs().find(id);
    }
}
