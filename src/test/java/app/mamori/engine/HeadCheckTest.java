package app.mamori.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HeadCheckTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anEmptyDumpIsNeverAcceptable() {
        assertThat(HeadCheck.problem("x.pgdump", new byte[0])).isEqualTo("the dump is empty");
        assertThat(HeadCheck.problem("x.sql.zst", new byte[0])).isEqualTo("the dump is empty");
    }

    @Test
    void eachArtifactKindIsRecognisedByItsMagic() {
        assertThat(HeadCheck.problem("x.pgdump", b("PGDMP\u0001\u000e"))).isNull();
        assertThat(HeadCheck.problem("x.pgdump", b("pg_dump: error: connection failed"))).contains("not a pg_dump");
        assertThat(HeadCheck.problem("x.sqlite.zst", b("SQLite format 3\u0000..."))).isNull();
        assertThat(HeadCheck.problem("x.sqlite.zst", b("Error: no such table"))).contains("not a SQLite");
        assertThat(HeadCheck.problem("x.sql.zst", b("-- MariaDB dump 10.19"))).isNull();
        assertThat(HeadCheck.problem("x.sql.zst", b("/*M!999999\\- enable the sandbox mode */"))).isNull();
        assertThat(HeadCheck.problem("x.sql.zst", b("<html>Bad Gateway"))).contains("not SQL");
        byte[] tar = new byte[512];
        System.arraycopy(b("ustar"), 0, tar, 257, 5);
        assertThat(HeadCheck.problem("x.tar.zst", tar)).isNull();
        assertThat(HeadCheck.problem("x.tar.zst", new byte[512])).contains("not a tar");
    }

    @Test
    void aSqliteCopyMustBeAsLongAsItsHeaderSays() {
        byte[] head = new byte[512];
        System.arraycopy(b("SQLite format 3\u0000"), 0, head, 0, 16);
        head[16] = 0x10; // page size 4096
        head[27] = 7; // change counter 7
        head[31] = 3; // 3 pages
        head[95] = 7; // valid for change 7
        assertThat(HeadCheck.incomplete("x.sqlite.zst", head, 3 * 4096)).isNull();
        assertThat(HeadCheck.incomplete("x.sqlite.zst", head, 4096 + 100)).contains("cut short", "12288 bytes");
        head[95] = 6; // a header from before 3.7.0: its page count may be stale, so it proves nothing
        assertThat(HeadCheck.incomplete("x.sqlite.zst", head, 4096 + 100)).isNull();
        assertThat(HeadCheck.incomplete("x.pgdump", head, 1)).isNull();
    }

    @Test
    void aSqlDumpMustEndWithItsToolsCompletedLine() {
        assertThat(HeadCheck.incomplete("x.sql.zst", b("-- MariaDB dump"), b("UNLOCK TABLES;\n-- Dump completed on 2026-12-06  7:29:00\n"), 99))
                .isNull();
        assertThat(HeadCheck.incomplete("x.sql.zst", b("-- MariaDB dump"), b("INSERT INTO `t` VALUES (1,'ab"), 99))
                .contains("cut short", "-- Dump completed");
        assertThat(HeadCheck.incomplete("x.sql.zst", b("-- MariaDB dump"), null, 99)).as("tail unknown").isNull();
    }
}
