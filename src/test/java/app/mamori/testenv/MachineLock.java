package app.mamori.testenv;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lets test classes run in parallel JVMs (surefire forks, or other runs on the machine) without
 * one seeing another's leftovers: every top-level test class holds a shared lock on one file
 * while it runs, and a {@link MachineWide} class an exclusive one. Registered for every class
 * through {@code META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}.
 */
public final class MachineLock implements BeforeAllCallback, AfterAllCallback {
    static final Path FILE = Path.of("/var/tmp/mamori-test-machine.lock");
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MachineLock.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getRequiredTestClass().getEnclosingClass() != null) {
            return; // a nested class runs inside its outer class's lock
        }
        boolean alone = context.getRequiredTestClass().isAnnotationPresent(MachineWide.class);
        try {
            FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            // blocks until no other JVM holds a conflicting lock; a JVM that dies drops its locks
            FileLock lock = channel.lock(0, Long.MAX_VALUE, !alone);
            context.getStore(NS).put(FileLock.class, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + FILE, e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        FileLock lock = context.getStore(NS).remove(FileLock.class, FileLock.class);
        if (lock != null) {
            lock.release();
            lock.channel().close();
        }
    }
}
