package app.mamori.vault;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: everything needed to understand, verify and restore a point without
 * the catalogue. Never holds a secret. {@code format} changes only when old readers would
 * misread a new file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int format, String id, String server, String host, String hostKey, String job,
                       String vault, Instant started, Instant finished, String mamoriVersion,
                       List<Entry> sources, String kind) {

    public static final int FORMAT = 1;
    public static final String FILE_NAME = "manifest.json";

    /** {@link #kind} of the safety copy a restore takes; absent for a job's normal point. */
    public static final String PRE_RESTORE = "pre-restore";

    public Manifest {
        sources = List.copyOf(sources);
    }

    /** A job's normal point. */
    public Manifest(int format, String id, String server, String host, String hostKey, String job, String vault,
                    Instant started, Instant finished, String mamoriVersion, List<Entry> sources) {
        this(format, id, server, host, hostKey, job, vault, started, finished, mamoriVersion, sources, null);
    }

    public boolean preRestore() {
        return PRE_RESTORE.equals(kind);
    }

    /**
     * One source's artifact.
     *
     * @param settings    the source's settings (database, paths...), no secrets
     * @param artifact    file (or folder, for a file tree) inside the point folder
     * @param sha256      of the stored file; for a file tree, of its index
     * @param rawSize     bytes received from the server before compression
     * @param tool        dump tool and its version as the server reported it
     * @param command     the exact remote command that ran (secrets travel on stdin, not here)
     * @param stats       kind-specific figures: file counts, tables, changed files
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String name, String kind, Map<String, Object> settings, String artifact,
                        String compression, long size, long rawSize, String sha256, String tool,
                        String command, Instant started, Instant finished, Map<String, Object> stats) {
    }
}
