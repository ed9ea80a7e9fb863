package app.mamori.engine.verify;

import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A drilled file tree against its snapshot's index: every file there, with the SHA-256 the backup recorded. */
final class TreeComparison {
    private TreeComparison() {
    }

    /**
     * @param hashes {@code sha256sum -z} output from the scratch folder: {@code HEX  ./srv/x\0}, paths relative
     *               to it, which holds the snapshot's absolute paths below it
     */
    static Outcome compare(Path snapshotDir, byte[] hashes, String where, Duration recovery) throws IOException {
        Map<String, String> restored = new HashMap<>();
        for (String line : new String(hashes, StandardCharsets.ISO_8859_1).split("\0")) {
            if (line.length() > 68 && line.startsWith("./", 66)) {
                restored.put(line.substring(68), line.substring(0, 64));
            }
        }
        List<String> problems = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        for (IndexEntry e : SnapshotIndex.read(snapshotDir).entries()) {
            if (e.type() != EntryType.FILE) {
                continue;
            }
            files++;
            bytes += e.size();
            String rel = e.path().latin1().replaceFirst("^/+", "");
            String got = restored.remove(rel);
            if (got == null) {
                problems.add("missing " + e.path());
            } else if (!got.equalsIgnoreCase(e.sha256())) {
                problems.add("different contents: " + e.path());
            }
        }
        restored.keySet().forEach(extra -> problems.add("not in the backup: /" + extra));
        String seconds = TableComparison.seconds(recovery);
        if (problems.isEmpty()) {
            return new Outcome(true, "drill: " + files + " files (" + bytes + " bytes) restored into " + where + " in "
                    + seconds + "; every one's SHA-256 matched the snapshot's index", List.of(), java.util.Optional.of(recovery));
        }
        return new Outcome(false, "drill: restored into " + where + " in " + seconds + ", but " + problems.size()
                + " of " + files + " files differ from the snapshot's index: " + String.join("; ",
                problems.subList(0, Math.min(5, problems.size()))), List.of(), java.util.Optional.of(recovery));
    }
}
