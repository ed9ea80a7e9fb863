package app.mamori.engine.verify;

import app.mamori.model.Note;
import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.vault.HashingOutputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A drilled file tree against its backup: every file there, with the SHA-256 the snapshot's
 * index recorded, or, for a volume's tar, that its entry in the archive has.
 */
final class TreeComparison {
    private TreeComparison() {
    }

    /** Where a drill restored the tree: a scratch folder, or a scratch Docker volume, on a server. */
    record Scratch(boolean volume, String name, String server) {
        @Override
        public String toString() {
            return (volume ? "volume " : "") + name + " on server " + server;
        }
    }

    /**
     * @param hashes {@code sha256sum -z} output from the scratch folder: {@code HEX  ./srv/x\0}, paths relative
     *               to it, which holds the snapshot's absolute paths below it
     */
    static Outcome compare(SnapshotIndex index, byte[] hashes, Scratch where, Duration recovery) {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        for (IndexEntry e : index.entries()) {
            if (e.type() == EntryType.FILE) {
                String rel = e.path().latin1().replaceFirst("^/+", "");
                expected.put(rel, e.sha256());
                sizes.put(rel, e.size());
            }
        }
        return judge(expected, sizes, hashes, where, recovery, "the snapshot's index", "/");
    }

    /**
     * A volume drilled from its tar ({@code ./path} entries): each regular file's SHA-256 is
     * computed from the archive here, as the backup holds it.
     */
    static Outcome compareWithArchive(Path archive, boolean zstd, byte[] hashes, Scratch where, Duration recovery)
            throws IOException {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                ArtifactStreams.decoded(archive, zstd), StandardCharsets.ISO_8859_1.name())) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                byte flag = e.getLinkFlag();
                if (flag != org.apache.commons.compress.archivers.tar.TarConstants.LF_NORMAL
                        && flag != org.apache.commons.compress.archivers.tar.TarConstants.LF_OLDNORM) {
                    continue;
                }
                HashingOutputStream h = new HashingOutputStream(java.io.OutputStream.nullOutputStream());
                tar.transferTo(h);
                String rel = e.getName().replaceFirst("^\\./", "");
                expected.put(rel, h.sha256Hex());
                sizes.put(rel, h.count());
            }
        }
        return judge(expected, sizes, hashes, where, recovery, "the archive", "");
    }

    private static Outcome judge(Map<String, String> expected, Map<String, Long> sizes, byte[] hashes, Scratch where,
                                 Duration recovery, String against, String shownPrefix) {
        Map<String, String> restored = new HashMap<>();
        for (String line : new String(hashes, StandardCharsets.ISO_8859_1).split("\0")) {
            if (line.length() > 68 && line.startsWith("./", 66)) {
                restored.put(line.substring(68), line.substring(0, 64));
            }
        }
        List<Note> problems = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            bytes += sizes.get(e.getKey());
            String got = restored.remove(e.getKey());
            if (got == null) {
                problems.add(Note.of("drillFileMissing", "missing " + shownPrefix + e.getKey(),
                        shownPrefix + e.getKey()));
            } else if (!got.equalsIgnoreCase(e.getValue())) {
                problems.add(Note.of("drillFileChanged", "different contents: " + shownPrefix + e.getKey(),
                        shownPrefix + e.getKey()));
            }
        }
        restored.keySet().forEach(extra -> problems.add(Note.of("drillFileExtra", "not in the backup: " + shownPrefix
                + extra, shownPrefix + extra)));
        int files = expected.size();
        String seconds = TableComparison.seconds(recovery);
        if (problems.isEmpty()) {
            String english = "drill: " + files + " files (" + bytes + " bytes) restored into " + where + " in "
                    + seconds + "; every one's SHA-256 matched " + against;
            return new Outcome(true, where.volume()
                    ? Note.of("drillVolumeMatches", english, files, bytes, where.name(), where.server(), seconds)
                    : Note.of("drillTreeMatches", english, files, bytes, where.name(), where.server(), seconds),
                    List.of(), java.util.Optional.of(recovery));
        }
        List<Note> first = problems.subList(0, Math.min(5, problems.size()));
        String shown = String.join("; ", first.stream().map(Note::english).toList());
        String english = "drill: restored into " + where + " in " + seconds + ", but it differs from " + against
                + " (" + files + " files) in " + problems.size() + (problems.size() == 1 ? " place: " : " places: ")
                + shown;
        // each place follows the sentence's own arguments, so the app says its line too
        Object[] said = Note.listing(first, where.name(), where.server(), seconds, files, problems.size(), shown);
        return new Outcome(false, where.volume() ? Note.of("drillVolumeDiffers", english, said)
                : Note.of("drillTreeDiffers", english, said), List.of(), java.util.Optional.of(recovery));
    }
}
