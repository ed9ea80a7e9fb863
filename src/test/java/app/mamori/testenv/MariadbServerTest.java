package app.mamori.testenv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MariadbExtension.class)
class MariadbServerTest {

    @Test
    void answersAQueryOverTcpAsMamori(MariadbServer db) {
        assertThat(db.query(null, "SELECT 40 + 2;")).isEqualTo("42");
        assertThat(db.query(null, "SELECT CURRENT_USER();")).isEqualTo("mamori@127.0.0.1");
    }

    @Test
    void databaseWithHostileNameWorks(MariadbServer db) {
        String name = "it's a \"db\" $(x) `y` é";
        db.createDatabase(name);
        db.execSql(name, "CREATE TABLE t (v VARCHAR(10)); INSERT INTO t VALUES ('a'), ('b');");
        assertThat(db.query(name, "SELECT COUNT(*) FROM t;")).isEqualTo("2");
    }

    @Test
    void listensOnItsOwnPort(MariadbServer db) {
        assertThat(db.query(null, "SELECT @@port;")).isEqualTo(Integer.toString(db.port()));
    }
}
