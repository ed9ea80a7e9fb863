package app.mamori.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * What a restore point's checks say, from the newest check of each of its artifacts:
 * {@link State#FAILED} when one of them failed, {@link State#VERIFIED} when every artifact's
 * passed, else {@link State#UNVERIFIED}. The CLI's {@code points} and the app's restore page
 * show the same thing.
 *
 * @param time    when the newest of those checks ran, if any did
 * @param failed  a failed check, if one failed
 */
public record PointCheck(State state, Optional<Instant> time, Optional<Verification> failed) {

    public enum State {
        VERIFIED, FAILED, UNVERIFIED;

        public String id() {
            return StoredNames.of(this);
        }
    }

    /**
     * @param artifacts how many artifacts the point holds
     * @param latest    the newest check of each artifact, by source
     */
    public static PointCheck of(int artifacts, Map<String, Verification> latest) {
        Collection<Verification> checks = latest.values();
        Optional<Verification> failure = checks.stream().filter(Verification::failed).findFirst();
        State state = failure.isPresent() ? State.FAILED
                : checks.size() == artifacts && artifacts > 0 ? State.VERIFIED : State.UNVERIFIED;
        return new PointCheck(state, checks.stream().map(Verification::time).max(Comparator.naturalOrder()), failure);
    }

    /** The failed check's source and what it found, in English, as the command line prints it. */
    public Optional<String> failure() {
        return failed.map(v -> v.source() + ": " + v.detail());
    }
}
