package app.mamori.catalog;

import app.mamori.model.RunStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One execution of a job as the catalogue remembers it.
 *
 * @param pid          the Mamori process that ran it, so a later start can tell a crashed run from a live one
 * @param error        one line for the admin: what failed and what to do
 * @param errorDetails the rest, such as the remote command's stderr or a stack trace
 */
public record Run(long id, String job, Instant started, Optional<Instant> ended, RunStatus status, long pid,
                  Optional<String> error, Optional<String> errorDetails) {
}
