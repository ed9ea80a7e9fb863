package app.mamori.service;

import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.Hold;
import app.mamori.catalog.Incident;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Incidents and holds: what keeps restore points from every prune while something is being put
 * right. Every method runs on the calling thread, does its catalogue work in one transaction,
 * and may be called from any worker thread (none touches the UI).
 */
public final class IncidentService {
    private final Services services;

    IncidentService(Services services) {
        this.services = services;
    }

    /** What {@link #release} let go of. */
    public enum Released {
        /** the hold made by hand (other holds, by incidents, may remain) */
        HOLD,
        /** a pre-restore safety point, handed over to its job's retention */
        SAFETY_POINT
    }

    /**
     * Opens an incident: holds every succeeded point (normal and pre-restore) with an artifact of
     * one of {@code opening.sources()}, as they are now, and logs an {@code incident-opened} event.
     *
     * @return the incident, with its id and how many points it holds
     * @throws app.mamori.catalog.CatalogException when a source is unknown (the message names it)
     */
    public Incident open(Incident.Opening opening) {
        Incident incident = services.catalog().incidents().open(opening);
        event("incident-opened", "incident " + incident.id() + " opened (" + incident.what().id() + ": "
                + incident.title() + ") on " + String.join(", ", incident.sources()) + "; " + incident.held()
                + " point(s) held until it is closed", "incidentOpened", incident.id(), incident.what().id(),
                String.join(", ", incident.sources()), incident.held());
        return incident;
    }

    /**
     * Closes an open incident and releases exactly the holds it made: a point also held by hand or
     * by another open incident stays held. Logs an {@code incident-closed} event.
     *
     * @return the incident as closed (its {@code held()} is then 0)
     * @throws app.mamori.catalog.CatalogException when there is no such incident or it is closed already
     */
    public Incident close(long id) {
        int held = find(id).map(Incident::held).orElse(0);
        Incident incident = services.catalog().incidents().close(id);
        event("incident-closed", "incident " + id + " closed (" + incident.title() + "); its holds on " + held
                + " point(s) were released", "incidentClosed", id, incident.what().id(),
                String.join(", ", incident.sources()), held);
        return incident;
    }

    /** Open incidents, or every incident with {@code all}, newest first. */
    public List<Incident> list(boolean all) {
        return services.catalog().incidents().list(all);
    }

    public Optional<Incident> find(long id) {
        return services.catalog().incidents().find(id);
    }

    /**
     * Holds a point by hand, so no prune removes it until {@link #release}; holding it again
     * replaces the reason. Logs a {@code point-held} event.
     *
     * @throws app.mamori.catalog.CatalogException when the point does not exist
     */
    public void hold(String pointId, String reason) {
        String why = reason == null || reason.isBlank() ? "held by hand" : reason.strip();
        services.catalog().holds().hold(pointId, why);
        RecordedPoint p = services.catalog().points().find(pointId).orElseThrow();
        services.catalog().events().add(Event.at(services.clock().instant(), EventLevel.INFO, "point-held",
                "restore point " + pointId + " held: " + why).withPhrase(reason == null || reason.isBlank()
                ? "pointHeldByHand" : "pointHeld", pointId, why)
                .withJob(p.point().job()).withServer(p.point().server()));
    }

    /**
     * Releases the hold made by hand on a point or, when it has none, hands a pre-restore safety
     * point over to retention.
     *
     * @return which of the two was released
     * @throws app.mamori.catalog.CatalogException when the point does not exist
     * @throws IllegalArgumentException when there is nothing to release (held only by incidents, or
     *                                  not held at all); the message names the point and what to do
     */
    public Released release(String pointId) {
        RecordedPoint p = services.catalog().points().find(pointId).orElseThrow(() ->
                new IllegalArgumentException("restore point '" + pointId + "' does not exist; `mamori points` lists"
                        + " them"));
        if (services.catalog().holds().releaseByHand(pointId)) {
            return Released.HOLD;
        }
        if (p.kind() == PointKind.PRE_RESTORE && !services.catalog().points().released(p.point().job())
                .contains(pointId)) {
            services.catalog().points().release(pointId);
            return Released.SAFETY_POINT;
        }
        List<Hold> byIncidents = services.catalog().holds().of(pointId);
        if (!byIncidents.isEmpty()) {
            String ids = byIncidents.stream().map(h -> Long.toString(h.incident().getAsLong()))
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("restore point '" + pointId + "' is held only by incident " + ids
                    + "; it is released when that incident is closed (mamori incident close ID)");
        }
        throw new IllegalArgumentException("restore point '" + pointId + "' is neither held nor a pre-restore safety"
                + " point waiting for release; there is nothing to release");
    }

    /** Every hold on one point, oldest first (not counting its being an unreleased safety point). */
    public List<Hold> holdsOf(String pointId) {
        return services.catalog().holds().of(pointId);
    }

    /** The held points of a job, point id to why (holds and unreleased safety points): what no prune removes. */
    public Map<String, String> holdsOfJob(String job) {
        return merged(services.catalog().holds().safetyOfJob(job), services.catalog().holds().ofJob(job));
    }

    /** The held points holding an artifact of a source, point id to why, as {@link #holdsOfJob}. */
    public Map<String, String> holdsOfSource(String source) {
        return merged(services.catalog().holds().safetyOfSource(source), services.catalog().holds().ofSource(source));
    }

    private static Map<String, String> merged(Map<String, String> safety, Map<String, String> holds) {
        Map<String, String> out = new LinkedHashMap<>(safety);
        holds.forEach((id, why) -> out.merge(id, why, (a, b) -> a + "; " + b));
        return out;
    }

    private void event(String kind, String message, String key, Object... args) {
        services.catalog().events().add(Event.at(services.clock().instant(), EventLevel.INFO, kind, message)
                .withPhrase(key, args));
    }
}
