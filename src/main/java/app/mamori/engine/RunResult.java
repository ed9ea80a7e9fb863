package app.mamori.engine;

import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;

import java.util.List;
import java.util.Optional;

/** How a run ended: its status, the restore point it left (only when it succeeded), per-source results. */
public record RunResult(long runId, String job, RunStatus status, Optional<RestorePoint> point,
                        List<SourceResult> sources, String error) {
    public RunResult {
        sources = List.copyOf(sources);
    }

    public boolean ok() {
        return status == RunStatus.SUCCEEDED;
    }
}
