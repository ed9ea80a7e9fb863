package app.mamori.it;

import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `restore --table`: one table of a PostgreSQL backup, in place or into a new database. */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class PostgresTableRestoreTest {
    private static final String ORDERS = "SELECT string_agg(id || ':' || note, ',' ORDER BY id) FROM orders";
    private static final String CUSTOMERS = "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM customers";

    private Cli cli;
    private PostgresServer pg;
    private String db;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) {
        this.pg = pg;
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        db = "shop_t_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 500) g;"
                + " CREATE TABLE customers(id int primary key, name text);"
                + " INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 50) g;"
                + " ALTER TABLE orders OWNER TO mamori; ALTER TABLE customers OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
        cli.run("backup", "shop").requireOk();
    }

    @Test
    void inPlaceOnlyTheNamedTableGoesBackAndTheOthersKeepTheirChanges() {
        String orders = pg.query(db, ORDERS);
        pg.execSql(db, "DELETE FROM orders WHERE id > 10; UPDATE customers SET name = 'renamed' WHERE id = 1;");
        String customers = pg.query(db, CUSTOMERS);

        Cli.Result r = cli.run("restore", "--source", "shopdb", "--in-place", "--table", "orders", "--yes").requireOk();

        assertThat(pg.query(db, ORDERS)).isEqualTo(orders);
        assertThat(pg.query(db, CUSTOMERS)).as("not restored").isEqualTo(customers).contains("1:renamed");
        assertThat(r.out()).contains("safety point: shop/");
    }

    @Test
    void aTableOthersReferenceIsNotRestoredInPlaceAndThePostgresErrorSaysWhy() {
        pg.execSql(db, "ALTER TABLE orders ADD COLUMN customer int REFERENCES customers(id);");
        cli.run("backup", "shop").requireOk();
        pg.execSql(db, "UPDATE customers SET name = 'renamed' WHERE id = 1;");
        String customers = pg.query(db, CUSTOMERS);

        Cli.Result r = cli.run("restore", "--source", "shopdb", "--in-place", "--table", "customers", "--yes");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("cannot drop table public.customers because other objects depend on it")
                .contains("orders");
        assertThat(pg.query(db, CUSTOMERS)).as("rolled back").isEqualTo(customers);
    }

    @Test
    void intoANewDatabaseOnlyTheNamedTableExists() {
        String copy = db + "_one";

        cli.run("restore", "--source", "shopdb", "--to-database", copy, "--table", "customers", "--yes").requireOk();

        assertThat(pg.query(copy, CUSTOMERS)).isEqualTo(pg.query(db, CUSTOMERS));
        assertThat(pg.query(copy, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'"))
                .isEqualTo("0");
    }

    @Test
    void tableIsRefusedForOtherKindsAndOddNames() {
        Cli.Result r = cli.run("restore", "--source", "shopdb", "--in-place", "--table", "orders; drop", "--yes");
        assertThat(r.exit()).isOne();
        assertThat(r.err()).contains("--table: 'orders; drop' is not a plain table name");
    }
}
