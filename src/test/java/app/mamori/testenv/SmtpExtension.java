package app.mamori.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link SmtpServer}: {@code @ExtendWith(SmtpExtension.class)} and a
 * {@code SmtpServer smtp} parameter. One server serves the whole test run.
 */
public final class SmtpExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SmtpServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return OncePerRun.get(context, SmtpServer.class, SmtpServer::start);
    }
}
