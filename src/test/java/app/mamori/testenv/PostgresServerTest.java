package app.mamori.testenv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class PostgresServerTest {

    @Test
    void answersAQueryOverTcpWithPassword(PostgresServer pg) {
        assertThat(pg.query("postgres", "SELECT 40 + 2")).isEqualTo("42");
        assertThat(pg.query("postgres", "SHOW listen_addresses")).isEqualTo("127.0.0.1");
    }

    @Test
    void sameServerIsGivenToEveryTest(PostgresServer pg) {
        assertThat(pg.query("postgres", "SELECT current_setting('port')")).isEqualTo(Integer.toString(pg.port()));
    }

    @Test
    void databaseWithHostileNameWorks(PostgresServer pg) {
        String name = "it's a \"db\" $(x) ; -- é";
        pg.createDatabase(name);
        pg.execSql(name, "CREATE TABLE t (v text); INSERT INTO t VALUES ('a'), ('b');");
        assertThat(pg.query(name, "SELECT count(*) FROM t")).isEqualTo("2");
        assertThat(pg.query("postgres", "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = "
                + PostgresServer.literal(name))).isEqualTo(pg.mamoriUser());
    }

    @Test
    void mamoriLogsInOverTcpWithItsHostilePasswordAndAWrongOneIsRefused(PostgresServer pg) {
        String psql = Tools.postgresBin().resolve("psql").toString();
        var cmd = java.util.List.of(psql, "-X", "-A", "-t", "-c", "SELECT current_user");
        var env = new java.util.HashMap<>(java.util.Map.of("PGHOST", pg.host(), "PGPORT", Integer.toString(pg.port()),
                "PGUSER", pg.mamoriUser(), "PGDATABASE", "postgres", "PGPASSWORD", pg.mamoriPassword()));
        assertThat(Proc.check(cmd, env, null, java.time.Duration.ofSeconds(30)).strip()).isEqualTo("mamori");
        env.put("PGPASSWORD", "wrong");
        assertThat(Proc.run(cmd, env, null, java.time.Duration.ofSeconds(30)).stderr())
                .contains("password authentication failed");
    }

    @Test
    void mamoriRoleHasItsPasswordAndTcpNeedsOne(PostgresServer pg) {
        assertThat(pg.query("postgres", "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = "
                + PostgresServer.literal(pg.mamoriUser()))).isEqualTo("t");
        assertThat(pg.mamoriPassword()).contains("'", "\"", " ");
        assertThatThrownBy(() -> pg.query("no such db", "SELECT 1")).hasMessageContaining("does not exist");
    }
}
