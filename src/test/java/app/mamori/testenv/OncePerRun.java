package app.mamori.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * Keeps one server per test run in the root store, closed when the run ends. A start failure
 * is kept too, so every later test fails at once with the same reason instead of retrying.
 */
final class OncePerRun {
    private OncePerRun() {
    }

    static <T extends AutoCloseable> T get(ExtensionContext context, Class<T> type, Supplier<T> starter) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Holder holder = store.getOrComputeIfAbsent(type.getName(), k -> Holder.start(starter), Holder.class);
        if (holder.failure != null) {
            throw new IllegalStateException(type.getSimpleName() + " could not start: "
                    + holder.failure.getMessage(), holder.failure);
        }
        return type.cast(holder.server);
    }

    // Both interfaces, as JUnit 5.13+ asks: it closes AutoCloseable values, older versions CloseableResource.
    @SuppressWarnings("deprecation")
    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final AutoCloseable server;
        private final RuntimeException failure;
        private final Thread shutdownHook;

        private Holder(AutoCloseable server, RuntimeException failure) {
            this.server = server;
            this.failure = failure;
            // A killed test JVM never reaches close(): don't leave a database server behind.
            this.shutdownHook = server == null ? null : new Thread(this::closeQuietly, "harness-stop");
            if (shutdownHook != null) {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
        }

        static Holder start(Supplier<? extends AutoCloseable> starter) {
            try {
                return new Holder(starter.get(), null);
            } catch (RuntimeException e) {
                return new Holder(null, e);
            }
        }

        private boolean closed;

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException ignored) {
                    // already shutting down: the hook runs close itself
                }
            }
            closeQuietly();
        }

        private void closeQuietly() {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("harness: stopping " + server.getClass().getSimpleName() + " failed: " + e);
                }
            }
        }
    }
}
