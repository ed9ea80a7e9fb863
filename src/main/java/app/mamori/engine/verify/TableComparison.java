package app.mamori.engine.verify;

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
     */
    static Outcome compare(Map<String, Object> stats, Map<String, Long> restored, String scratch, Duration recovery) {
        long rows = restored.values().stream().mapToLong(Long::longValue).sum();
        String head = "restored into " + scratch + " in " + seconds(recovery) + ": " + restored.size() + " tables, "
                + rows + " rows";
        Object recorded = stats == null ? null : stats.get("tables");
        if (!(recorded instanceof Map<?, ?> tables)) {
            String why = stats != null && stats.get("tablesError") != null
                    ? "counting them at backup time failed (" + stats.get("tablesError") + ")"
                    : "the backup was made before Mamori recorded them";
            return new Outcome(true, head + "; the backup recorded no tables or row counts (" + why + "), so only"
                    + " the restore itself was checked", List.of(), Optional.of(recovery));
        }
        List<String> differences = differences(tables, restored);
        boolean exact = "exact".equals(stats.get("tableCounts"));
        if (differences.isEmpty()) {
            return new Outcome(true, head + "; all " + tables.size() + " tables match the row counts the backup"
                    + (exact ? " recorded" : " counted just after the dump"), List.of(), Optional.of(recovery));
        }
        String list = String.join("; ", differences);
        if (exact) {
            return new Outcome(false, head + "; differs from what the backup recorded in its own snapshot: " + list,
                    List.of(), Optional.of(recovery));
        }
        String warning = "row counts differ from those counted just after the dump (outside its snapshot, so rows"
                + " written in between show up here): " + list;
        return new Outcome(true, head + "; " + warning, List.of(warning), Optional.of(recovery));
    }

    private static List<String> differences(Map<?, ?> tables, Map<String, Long> restored) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : tables.entrySet()) {
            String name = String.valueOf(e.getKey());
            long backup = ((Number) e.getValue()).longValue();
            Long now = restored.get(name);
            if (now == null) {
                out.add("table " + name + ": " + backup + " rows in the backup, missing from the restore");
            } else if (now != backup) {
                out.add("table " + name + ": " + backup + " rows in the backup, " + now + " restored");
            }
        }
        for (Map.Entry<String, Long> e : restored.entrySet()) {
            if (!tables.containsKey(e.getKey())) {
                out.add("table " + e.getKey() + ": " + e.getValue() + " rows restored, not recorded by the backup");
            }
        }
        return out;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
