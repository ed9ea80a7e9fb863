package app.mamori.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link MariadbServer}: {@code @ExtendWith(MariadbExtension.class)}
 * and a {@code MariadbServer db} parameter. One server serves the whole test run.
 */
public final class MariadbExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MariadbServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return OncePerRun.get(context, MariadbServer.class, MariadbServer::start);
    }
}
