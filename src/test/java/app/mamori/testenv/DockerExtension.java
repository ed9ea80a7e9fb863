package app.mamori.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link DockerEngine}: {@code @ExtendWith(DockerExtension.class)} and a
 * {@code DockerEngine docker} parameter; its {@link DockerEngine#sshd()} is the server to back
 * up. One engine serves the whole test run. A missing podman, runc, docker CLI, busybox-static
 * or debootstrap fails the test naming the package; it never skips.
 */
public final class DockerExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DockerEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return OncePerRun.get(context, DockerEngine.class, DockerEngine::start);
    }
}
