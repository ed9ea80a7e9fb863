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
    void mamoriRoleHasItsPasswordAndTcpNeedsOne(PostgresServer pg) {
        assertThat(pg.query("postgres", "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = "
                + PostgresServer.literal(pg.mamoriUser()))).isEqualTo("t");
        assertThat(pg.mamoriPassword()).contains("'", "\"", " ");
        assertThatThrownBy(() -> pg.query("no such db", "SELECT 1")).hasMessageContaining("does not exist");
    }
}
