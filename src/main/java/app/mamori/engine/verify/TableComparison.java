package app.mamori.engine.verify;

import app.mamori.model.Note;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Compares a drill's restored tables with the tables and row counts its backup recorded. */
final class TableComparison {
    private TableComparison() {
    }

    /**
     * @param stats    the manifest entry's {@code stats}: {@code tables}, {@code tableCounts} (exact or approximate)
     * @param restored the scratch copy's tables and row counts
     * @param scratch  the scratch database, on {@code server}
     */
    static Outcome compare(Map<String, Object> stats, Map<String, Long> restored, String scratch, String server,
                           Duration recovery) {
        long rows = restored.values().stream().mapToLong(Long::longValue).sum();
        String took = seconds(recovery);
        String head = "restored into " + scratch + " on server " + server + " in " + took + ": " + restored.size()
                + " tables, " + rows + " rows";
        // every sentence starts with what was restored where, in the same order of arguments
        Object[] said = {scratch, server, took, restored.size(), rows};
        Object recorded = stats == null ? null : stats.get("tables");
        Optional<Duration> time = Optional.of(recovery);
        if (!(recorded instanceof Map<?, ?> tables)) {
            if (stats != null && stats.get("tablesError") != null) {
                Object error = stats.get("tablesError");
                return new Outcome(true, Note.of("drillNoCountsFailed", head + "; the backup recorded no tables or row"
                        + " counts (counting them at backup time failed (" + error + ")), so only the restore itself"
                        + " was checked", with(said, error)), List.of(), time);
            }
            return new Outcome(true, Note.of("drillNoCounts", head + "; the backup recorded no tables or row counts"
                    + " (the backup was made before Mamori recorded them), so only the restore itself was checked",
                    said), List.of(), time);
        }
        List<Note> differences = differences(tables, restored);
        boolean exact = "exact".equals(stats.get("tableCounts"));
        if (differences.isEmpty()) {
            return new Outcome(true, exact
                    ? Note.of("drillTablesMatch", head + "; all " + tables.size() + " tables match the row counts the"
                    + " backup recorded", with(said, tables.size()))
                    : Note.of("drillTablesMatchCounted", head + "; all " + tables.size() + " tables match the row"
                    + " counts the backup counted just after the dump", with(said, tables.size())), List.of(), time);
        }
        String list = String.join("; ", differences.stream().map(Note::english).toList());
        // each difference follows the sentence's own arguments, so the app says the table's line too
        Object[] listed = Note.listing(differences, with(said, list));
        if (exact) {
            return new Outcome(false, Note.of("drillTablesDiffer", head + "; differs from what the backup recorded in"
                    + " its own snapshot: " + list, listed), List.of(), time);
        }
        Note warning = Note.of("drillCountsMoved", "row counts differ from those counted just after the dump (outside"
                + " its snapshot, so rows written in between show up here): " + list, Note.listing(differences, list));
        return new Outcome(true, Note.of("drillTablesDifferCounted", head + "; " + warning.english(), listed),
                List.of(warning), time);
    }

    private static Object[] with(Object[] head, Object last) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }

    private static List<Note> differences(Map<?, ?> tables, Map<String, Long> restored) {
        List<Note> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : tables.entrySet()) {
            String name = String.valueOf(e.getKey());
            long backup = ((Number) e.getValue()).longValue();
            Long now = restored.get(name);
            if (now == null) {
                out.add(Note.of("drillTableMissing", "table " + name + ": " + backup + " rows in the backup, missing"
                        + " from the restore", name, backup));
            } else if (now != backup) {
                out.add(Note.of("drillTableCount", "table " + name + ": " + backup + " rows in the backup, " + now
                        + " restored", name, backup, now));
            }
        }
        for (Map.Entry<String, Long> e : restored.entrySet()) {
            if (!tables.containsKey(e.getKey())) {
                out.add(Note.of("drillTableExtra", "table " + e.getKey() + ": " + e.getValue() + " rows restored, not"
                        + " recorded by the backup", e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
