package app.mamori.catalog;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One reason a restore point is kept from every prune.
 *
 * @param incident the incident that made the hold; absent for a hold made by hand
 */
public record Hold(String point, String reason, OptionalLong incident, Instant created) {
    public Hold {
        incident = incident == null ? OptionalLong.empty() : incident;
    }

    public boolean byHand() {
        return incident.isEmpty();
    }
}
