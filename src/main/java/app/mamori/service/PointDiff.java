package app.mamori.service;

import java.util.List;
import java.util.OptionalLong;

/** What changed in one source between two restore points: tables of a database, or paths of a file tree. */
public sealed interface PointDiff {

    String source();

    /**
     * A database source: every table either point recorded, by name, with the row counts each
     * point's backup recorded in its manifest.
     */
    record Tables(String source, List<Table> tables) implements PointDiff {
        public Tables {
            tables = List.copyOf(tables);
        }
    }

    /** One table; a count is absent where the table is not in that point. */
    record Table(String name, OptionalLong rowsA, OptionalLong rowsB) {
    }

    /**
     * A file-tree source, from the two points' file lists, paths as the admin knows them on the
     * server, in path order. Changed: a different type, or (not for a directory) size or SHA-256.
     */
    record Files(String source, List<String> added, List<String> removed, List<String> changed) implements PointDiff {
        public Files {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }
}
