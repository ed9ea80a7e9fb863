package app.mamori.engine.timeline;

import java.time.Instant;

/**
 * Time in which a job's schedule expected a run and none started.
 *
 * @param from  the first expected slot that no run answered
 * @param to    when the last such slot's interval ended (the next slot, or now)
 * @param slots how many expected slots the gap holds
 */
public record Gap(String job, Instant from, Instant to, int slots) {
}
