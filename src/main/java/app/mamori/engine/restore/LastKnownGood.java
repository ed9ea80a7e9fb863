package app.mamori.engine.restore;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.RunStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which point an incident restore starts from when the admin says when things went wrong: the
 * newest of the source's own points taken before that time whose checks passed, else the newest
 * one before it that no check found damaged (never checked yet), and why. Pure.
 */
public final class LastKnownGood {
    private LastKnownGood() {
    }

    public enum Why {
        /** Every artifact's newest check passed. */
        VERIFIED,
        /** No check has run on it yet, and no older point before the time was verified either. */
        NOT_CHECKED,
        /** Every point before the time is damaged or none exists: nothing is chosen. */
        NONE
    }

    /**
     * @param point   the chosen point, when there is one
     * @param skipped how many newer points before the time were passed over (damaged or not checked)
     */
    public record Choice(Optional<RecordedPoint> point, Why why, int skipped) {
    }

    /**
     * @param newestFirst the source's points, newest first
     * @param before      when it went wrong; empty for "I don't know" (then the newest good point)
     * @param check       what the checks say of a point
     */
    public static Choice choose(List<RecordedPoint> newestFirst, Optional<Instant> before,
                                Function<RecordedPoint, PointCheck> check) {
        List<RecordedPoint> usable = newestFirst.stream()
                .filter(p -> p.kind() == PointKind.NORMAL && p.point().status() == RunStatus.SUCCEEDED)
                .filter(p -> before.map(t -> p.point().time().isBefore(t)).orElse(true))
                .toList();
        for (int i = 0; i < usable.size(); i++) {
            if (check.apply(usable.get(i)).state() == PointCheck.State.VERIFIED) {
                // an unchecked newer point may be fine too, but a verified one is known to restore
                return new Choice(Optional.of(usable.get(i)), Why.VERIFIED, i);
            }
        }
        for (int i = 0; i < usable.size(); i++) {
            if (check.apply(usable.get(i)).state() == PointCheck.State.UNVERIFIED) {
                return new Choice(Optional.of(usable.get(i)), Why.NOT_CHECKED, i);
            }
        }
        return new Choice(Optional.empty(), Why.NONE, usable.size());
    }
}
