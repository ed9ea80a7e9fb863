package app.mamori.engine.restore;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.SourceHistory;
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

    /** What {@link Walk} settled on: the chosen point's id, when there is one. */
    public record Found(Optional<String> id, Why why, int skipped) {
    }

    /**
     * @param newestFirst the source's points, newest first
     * @param before      when it went wrong; empty for "I don't know" (then the newest good point)
     * @param check       what the checks say of a point
     */
    public static Choice choose(List<RecordedPoint> newestFirst, Optional<Instant> before,
                                Function<RecordedPoint, PointCheck> check) {
        Walk walk = new Walk(before, true);
        for (RecordedPoint p : newestFirst) {
            if (!walk.offer(new SourceHistory.Step(p.id(), p.point().time(), p.kind(), p.point().status(),
                    check.apply(p).state()))) {
                break;
            }
        }
        Found found = walk.result();
        return new Choice(found.id().flatMap(id -> newestFirst.stream().filter(p -> p.id().equals(id)).findFirst()),
                found.why(), found.skipped());
    }

    /**
     * The same rules applied to a source's points offered newest first, one at a time, so that a
     * history of any length is read only as far as the answer needs: to the newest verified point,
     * or, when no check of the source ever passed, to the newest unchecked one.
     */
    public static final class Walk {
        private final Optional<Instant> before;
        private final boolean verifiedPossible;
        private int usable;
        private int firstUnchecked = -1;
        private String firstUncheckedId;
        private Found found;

        /** @param verifiedPossible false when no check of the source ever passed: then no point can be verified */
        public Walk(Optional<Instant> before, boolean verifiedPossible) {
            this.before = before;
            this.verifiedPossible = verifiedPossible;
        }

        /** Takes the next older point; false once the answer is settled and no older point can change it. */
        public boolean offer(SourceHistory.Step p) {
            if (found != null) {
                return false;
            }
            if (p.kind() != PointKind.NORMAL || p.status() != RunStatus.SUCCEEDED
                    || before.map(t -> !p.time().isBefore(t)).orElse(false)) {
                return true;
            }
            int i = usable++;
            if (p.check() == PointCheck.State.VERIFIED) {
                // an unchecked newer point may be fine too, but a verified one is known to restore
                found = new Found(Optional.of(p.id()), Why.VERIFIED, i);
                return false;
            }
            if (p.check() == PointCheck.State.UNVERIFIED && firstUnchecked < 0) {
                firstUnchecked = i;
                firstUncheckedId = p.id();
                if (!verifiedPossible) {
                    found = new Found(Optional.of(p.id()), Why.NOT_CHECKED, i);
                    return false;
                }
            }
            return true;
        }

        /** The choice from the points offered so far. */
        public Found result() {
            if (found != null) {
                return found;
            }
            return firstUnchecked >= 0 ? new Found(Optional.of(firstUncheckedId), Why.NOT_CHECKED, firstUnchecked)
                    : new Found(Optional.empty(), Why.NONE, usable);
        }
    }
}
