package app.mamori.ui.restore;

import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.model.RunStatus;

import java.time.Instant;
import java.util.List;

/**
 * One restore point as a list or a timeline shows it: when, which job, what kind (a job's
 * point or a pre-restore safety copy), whether it is whole, and what it holds.
 */
public record RestorePointViewModel(String id, String job, String server, Instant time, boolean safetyPoint,
                                    boolean complete, List<String> sources, long bytes) {

    public static RestorePointViewModel of(RecordedPoint p) {
        return new RestorePointViewModel(p.id(), p.point().job(), p.point().server(), p.point().time(),
                p.kind() == PointKind.PRE_RESTORE, p.point().status() == RunStatus.SUCCEEDED,
                p.point().artifacts().stream().map(Artifact::source).toList(),
                p.point().artifacts().stream().mapToLong(Artifact::size).sum());
    }

    /** Whether a restore may start from it: only complete points hold every artifact they list. */
    public boolean restorable() {
        return complete && !sources.isEmpty();
    }
}
