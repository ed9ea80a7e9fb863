package app.mamori.ssh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecResultTest {

    @Test
    void postgresErrorsAreReadWithTheirDetailNotTheStatementThatFailed() {
        String stderr = """
                pg_restore: while PROCESSING TOC:
                pg_restore: from TOC entry 215; 1259 16390 TABLE customers mamori
                pg_restore: error: could not execute query: ERROR:  cannot drop table public.customers because other objects depend on it
                DETAIL:  constraint orders_customer_fkey on table public.orders depends on table public.customers
                HINT:  Use DROP ... CASCADE to drop the dependent objects too.
                Command was: DROP TABLE public.customers;
                """;
        assertThat(new ExecResult(1, stderr, false, 0).serverError()).isEqualTo("cannot drop table public.customers"
                + " because other objects depend on it; DETAIL:  constraint orders_customer_fkey on table public.orders"
                + " depends on table public.customers; HINT:  Use DROP ... CASCADE to drop the dependent objects too.");
    }

    @Test
    void mariadbErrorsAreReadAsTheClientPrintsThem() {
        String stderr = "ERROR 1146 (42S02) at line 12: Table 'shop.orders' doesn't exist\n";
        assertThat(new ExecResult(1, stderr, false, 0).serverError()).isEqualTo(stderr.strip());
    }

    @Test
    void withoutAServerErrorTheLastLineIsWhatAPersonReads() {
        assertThat(new ExecResult(2, "tar: something\ntar: Exiting with failure status\n", false, 0).serverError())
                .isEqualTo("tar: Exiting with failure status");
    }
}
