package app.mamori.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What goes wrong with vault files on a real disk, done on purpose. */
final class Damage {
    private Damage() {
    }

    static void flipByte(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
    }

    static void truncate(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }

    /** Rewrites the tables a point's manifest recorded for {@code source}, as if the backup had counted them in its own snapshot. */
    static void recordExactTables(Path pointDir, String source, Map<String, Long> tables) throws IOException {
        recordTables(pointDir, source, tables, "exact");
    }

    /** Rewrites the tables a point's manifest recorded for {@code source}, counted {@code exact} or {@code approximate}. */
    static void recordTables(Path pointDir, String source, Map<String, Long> tables, String how) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path file = pointDir.resolve("manifest.json");
        ObjectNode m = (ObjectNode) json.readTree(file.toFile());
        m.withArray("sources").forEach(e -> {
            if (e.get("name").asText().equals(source)) {
                ObjectNode stats = ((ObjectNode) e).with("stats");
                stats.set("tables", json.valueToTree(tables));
                stats.put("tableCounts", how);
            }
        });
        Files.write(file, json.writeValueAsBytes(m));
    }

    /** The tables a point's manifest recorded for {@code source}, and how they were counted. */
    static Map<String, Object> recordedStats(Path pointDir, String source) throws IOException {
        ObjectMapper json = new ObjectMapper();
        var m = json.readTree(pointDir.resolve("manifest.json").toFile());
        for (var e : m.get("sources")) {
            if (e.get("name").asText().equals(source)) {
                return json.convertValue(e.get("stats"), Map.class);
            }
        }
        throw new AssertionError("no source " + source + " in the manifest of " + pointDir);
    }
}
