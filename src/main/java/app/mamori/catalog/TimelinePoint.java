package app.mamori.catalog;

import app.mamori.model.Note;
import app.mamori.model.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One source's artifact in one restore point, with what its newest check found: a mark on a lane.
 *
 * @param status   how the point's run ended (points are recorded by succeeded runs)
 * @param check    what the artifact's newest check says
 * @param checked  when that check ran, if one did
 * @param detail   what that check found, for the admin, if one ran (see {@link Verification#said()})
 * @param recovery for a passed drill: the measured time of the restore into the scratch target
 * @param files    for a file tree with a stored index: how many entries it holds
 * @param sha256   of the stored artifact (a tree's: of its index); equal hashes mean nothing changed
 * @param held     a pre-restore safety point not yet released to retention
 */
public record TimelinePoint(String id, String job, String server, String source, Instant time, RunStatus status,
                            Check check, Optional<Instant> checked, Optional<Note> detail,
                            Optional<Duration> recovery, long size, OptionalLong files, String sha256,
                            PointKind kind, boolean held) {

    /** What is known of an artifact, from its newest check. */
    public enum Check {
        /** Never checked. */
        UNCHECKED,
        /** Its newest check (checksum or format) passed. */
        VERIFIED,
        /** Its newest check was a restore drill that passed: the strongest proof there is. */
        DRILLED,
        /** Its newest check failed: the artifact is damaged or the check found a fault. */
        FAILED;

        public String id() {
            return StoredNames.of(this);
        }
    }

    public boolean safetyPoint() {
        return kind == PointKind.PRE_RESTORE;
    }
}
