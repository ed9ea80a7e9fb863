package app.mamori.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link SshdServer} parameter. One sshd serves the whole test run: it lives in
 * the root context's store and is stopped when the run ends. A missing sshd fails the test
 * with the package to install; it never skips.
 */
public final class SshdExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SshdServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class).sshd;
    }

    @SuppressWarnings("deprecation") // CloseableResource for JUnit < 5.13, AutoCloseable for later
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final SshdServer sshd;

        private Running(SshdServer sshd) {
            this.sshd = sshd;
        }

        static Running start() {
            try {
                return new Running(SshdServer.start());
            } catch (Exception e) {
                throw new ParameterResolutionException("could not start the test sshd: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            sshd.close();
        }
    }
}
