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

    /**
     * Returns null when the length of the whole stream agrees with what its head promises, else
     * what is wrong. A SQLite file's header records its page size and page count, so a copy cut
     * short (a tool or disk on the server that lied and exited 0) is caught for the price of a
     * multiplication. The page count is trusted only where SQLite itself would trust it: when the
     * "version-valid-for" number equals the change counter (every SQLite since 3.7.0 writes both).
     */
    static String incomplete(String artifactName, byte[] head, long received) {
        return incomplete(artifactName, head, null, received);
    }

    /**
     * {@link #incomplete(String, byte[], long)}, and for a MariaDB/MySQL dump (when {@code tail}, the
     * stream's last bytes, is known): its last line must be the tool's "-- Dump completed" line,
     * which it writes only once everything else is out (the same test a verify makes).
     */
    static String incomplete(String artifactName, byte[] head, byte[] tail, long received) {
        if (artifactName.endsWith(".sql.zst") && tail != null) {
            String end = new String(tail, StandardCharsets.UTF_8).stripTrailing();
            String last = end.substring(end.lastIndexOf('\n') + 1);
            return last.startsWith("-- Dump completed") ? null : "the dump was cut short: it does not end with the"
                    + " dump tool's \"-- Dump completed\" line";
        }
        if (!artifactName.endsWith(".sqlite.zst") || head.length < 100) {
            return null;
        }
        int pageSize = u16(head, 16) == 1 ? 65536 : u16(head, 16);
        long pages = u32(head, 28);
        if (pages == 0 || u32(head, 24) != u32(head, 92)) {
            return null;
        }
        long expected = pageSize * pages;
        return received == expected ? null : "the copy was cut short: its header says " + expected + " bytes ("
                + pages + " pages of " + pageSize + "), the server sent " + received;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static boolean startsWith(byte[] head, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return head.length >= p.length && Arrays.equals(head, 0, p.length, p, 0, p.length);
    }
}
