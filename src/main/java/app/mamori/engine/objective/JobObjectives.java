package app.mamori.engine.objective;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * A job's objectives, each checked; empty where the job has no such objective. {@code offsiteRpo}
 * is the RPO checked again on the copies in the job's object vault: present when the job has an
 * RPO and copies offsite, since a fire that takes the office leaves only those.
 */
public record JobObjectives(String job, Optional<Verdict> rpo, Optional<Verdict> rto, Optional<Verdict> offsiteRpo) {

    public JobObjectives(String job, Optional<Verdict> rpo, Optional<Verdict> rto) {
        this(job, rpo, rto, Optional.empty());
    }

    public boolean breached() {
        return verdicts().anyMatch(Verdict::breached);
    }

    public Stream<Verdict> verdicts() {
        return Stream.of(rpo, rto, offsiteRpo).flatMap(Optional::stream);
    }
}
