package app.mamori.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link MotoServer}: {@code @ExtendWith(MotoExtension.class)} and a
 * {@code MotoServer moto} parameter. One server for the whole run; tests keep apart by bucket.
 */
public final class MotoExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return OncePerRun.get(context, MotoServer.class, MotoServer::start);
    }
}
