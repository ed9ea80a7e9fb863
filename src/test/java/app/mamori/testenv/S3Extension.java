package app.mamori.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link S3Server}: {@code @ExtendWith(S3Extension.class)} and an
 * {@code S3Server s3} parameter. One server serves the whole test run; tests keep apart by
 * bucket ({@link S3Server#newBucket}).
 */
public final class S3Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return OncePerRun.get(context, S3Server.class, S3Server::start);
    }
}
