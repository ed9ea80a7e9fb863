package app.mamori.engine.verify;

import app.mamori.model.Note;
import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.RawPath;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The regular files of a snapshot in a local vault against the size and SHA-256 its index
 * recorded: what a checksum verification proves, and what a restore proves before it writes
 * anything, so a damaged file stops it before the target is half overwritten.
 */
public final class StoredFiles {
    private StoredFiles() {
    }

    /** What was checked, or the first file that is missing or differs. */
    public record Result(int files, Optional<Note> problem) {
    }

    public static Result check(Path snapshot, Predicate<RawPath> selected, CancelToken cancel) throws IOException {
        SnapshotIndex index = SnapshotIndex.read(snapshot);
        Path tree = snapshot.resolve(SnapshotIndex.TREE);
        int files = 0;
        for (IndexEntry e : index.entries()) {
            if (e.type() != EntryType.FILE || !selected.test(e.path())) {
                continue;
            }
            cancel.throwIfCancelled();
            Optional<Note> problem = problem(tree.resolve(e.stored()), e);
            if (problem.isPresent()) {
                return new Result(files, problem);
            }
            files++;
        }
        return new Result(files, Optional.empty());
    }

    private static Optional<Note> problem(Path stored, IndexEntry e) throws IOException {
        try {
            if (!Files.isRegularFile(stored, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(missing(stored, e));
            }
            long size = Files.size(stored);
            if (size != e.size()) {
                return Optional.of(Note.of("storedWrongSize", stored + " (" + e.path() + ") is " + size
                        + " bytes, the index recorded " + e.size(), stored, e.path(), size, e.size()));
            }
            String sha = ArtifactStreams.sha256(stored);
            if (!sha.equalsIgnoreCase(e.sha256())) {
                return Optional.of(Note.of("storedCorrupted", stored + " (" + e.path() + ") is corrupted: its SHA-256"
                        + " is " + sha + ", the index recorded " + e.sha256(), stored, e.path(), sha, e.sha256()));
            }
            return Optional.empty();
        } catch (NoSuchFileException ex) {
            return Optional.of(missing(stored, e));
        }
    }

    private static Note missing(Path stored, IndexEntry e) {
        return Note.of("storedMissing", stored + " (" + e.path() + ") is missing from the snapshot", stored, e.path());
    }
}
