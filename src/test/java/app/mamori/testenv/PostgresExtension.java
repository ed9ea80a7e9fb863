package app.mamori.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link PostgresServer}: {@code @ExtendWith(PostgresExtension.class)}
 * and a {@code PostgresServer pg} parameter. One server serves the whole test run.
 */
public final class PostgresExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return OncePerRun.get(context, PostgresServer.class, PostgresServer::start);
    }
}
