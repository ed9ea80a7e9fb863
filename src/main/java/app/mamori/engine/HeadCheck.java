package app.mamori.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cheap format check on the first bytes of a dump, done while it streams: a tool that
 * exits 0 but wrote an error page or nothing at all is caught before the point is committed.
 */
final class HeadCheck {
    static final int SIZE = 512;

    private HeadCheck() {
    }

    /** Returns null when the head looks right for the artifact, else what is wrong. */
    static String problem(String artifactName, byte[] head) {
        if (head.length == 0) {
            return "the dump is empty";
        }
        if (artifactName.endsWith(".pgdump")) {
            return startsWith(head, "PGDMP") ? null : "the file is not a pg_dump custom-format archive";
        }
        if (artifactName.endsWith(".sqlite.zst")) {
            return startsWith(head, "SQLite format 3\0") ? null : "the copy is not a SQLite database";
        }
        if (artifactName.endsWith(".tar.zst")) {
            return head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")
                    ? null : "the stream is not a tar archive";
        }
        if (artifactName.endsWith(".sql.zst")) {
            return startsWith(head, "-- ") || startsWith(head, "/*") ? null : "the dump is not SQL text";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return head.length >= p.length && Arrays.equals(head, 0, p.length, p, 0, p.length);
    }
}
