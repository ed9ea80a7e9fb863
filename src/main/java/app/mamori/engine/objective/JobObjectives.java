package app.mamori.engine.objective;

import java.util.Optional;
import java.util.stream.Stream;

/** A job's objectives, each checked; empty where the job has no such objective. */
public record JobObjectives(String job, Optional<Verdict> rpo, Optional<Verdict> rto) {

    public boolean breached() {
        return verdicts().anyMatch(Verdict::breached);
    }

    public Stream<Verdict> verdicts() {
        return Stream.concat(rpo.stream(), rto.stream());
    }
}
