package app.mamori.ui.restore;

import app.mamori.catalog.PointCheck;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.model.Artifact;
import app.mamori.model.RunStatus;
import app.mamori.model.SourceKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One restore point as a list or a timeline shows it: when, which job, what kind (a job's
 * point or a pre-restore safety copy), whether it is whole, what it holds, and what its
 * checks ({@code verify}) found.
 */
public record RestorePointViewModel(String id, String job, String server, Instant time, boolean safetyPoint,
                                    boolean released, boolean complete, List<String> sources, Map<String, SourceKind> kinds, long bytes,
                                    PointCheck check, java.util.Optional<String> hold) {

    /**
     * @param latest   the newest check of each of the point's artifacts, by source (empty when never checked)
     * @param released whether the point, a safety copy, has been handed over to its job's retention
     */
    public static RestorePointViewModel of(RecordedPoint p, Map<String, Verification> latest, boolean released,
                                           java.util.Optional<String> hold) {
        return new RestorePointViewModel(p.id(), p.point().job(), p.point().server(), p.point().time(),
                p.kind() == PointKind.PRE_RESTORE, released, p.point().status() == RunStatus.SUCCEEDED,
                p.point().artifacts().stream().map(Artifact::source).toList(),
                p.point().artifacts().stream().collect(Collectors.toMap(Artifact::source, Artifact::kind, (a, b) -> a)),
                p.point().artifacts().stream().mapToLong(Artifact::size).sum(),
                PointCheck.of(p.point().artifacts().size(), latest), hold);
    }

    /** Whether retention may not remove it: held by hand or by an incident, or a safety copy not released. */
    public boolean held() {
        return hold.isPresent() || safetyPoint && !released;
    }

    /** Whether a restore may start from it: only complete points hold every artifact they list. */
    public boolean restorable() {
        return complete && !sources.isEmpty();
    }
}
