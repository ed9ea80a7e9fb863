package app.mamori.secret;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OS keyring through java-keyring. Each call runs on a thread of its own with a time limit:
 * a locked Secret Service collection asks for its password in a prompt that may never be
 * answered (no desktop, nobody there), and a store that waits on it would hang a backup. After
 * one call runs out of time the keyring counts as broken for this process and later calls fail
 * at once, so the store falls back to the file instead of queueing behind the stuck call.
 */
final class JavaKeyring implements OsKeyring {
    private final Keyring keyring;
    private final ExecutorService thread;
    private final Duration limit;
    private volatile String broken;

    private JavaKeyring(Keyring keyring, ExecutorService thread, Duration limit) {
        this.keyring = keyring;
        this.thread = thread;
        this.limit = limit;
    }

    /** Connects to the OS keyring, or says why not within {@code limit}. */
    static JavaKeyring open(Duration limit) throws IOException {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mamori-keyring");
            t.setDaemon(true); // a prompt nobody answers must not keep the JVM alive
            return t;
        });
        try {
            Keyring k = within(thread, limit, () -> {
                try {
                    return Keyring.create();
                } catch (BackendNotSupportedException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
            return new JavaKeyring(k, thread, limit);
        } catch (IOException | RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
    }

    @Override
    public String name() {
        KeyringStorageType type = keyring.getKeyringStorageType();
        return switch (type) {
            case GNOME_KEYRING -> "Secret Service";
            case KWALLET -> "KWallet";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
        };
    }

    @Override
    public String get(String service, String account) throws IOException {
        return call(() -> keyring.getPassword(service, account));
    }

    @Override
    public void set(String service, String account, String secret) throws IOException {
        call(() -> {
            keyring.setPassword(service, account, secret);
            return null;
        });
    }

    @Override
    public void delete(String service, String account) throws IOException {
        call(() -> {
            keyring.deletePassword(service, account);
            return null;
        });
    }

    private <T> T call(Callable<T> c) throws IOException {
        if (broken != null) {
            throw new IOException(broken);
        }
        try {
            return within(thread, limit, c);
        } catch (KeyringTimeout e) {
            broken = e.getMessage();
            throw e;
        }
    }

    private static <T> T within(ExecutorService thread, Duration limit, Callable<T> c) throws IOException {
        Future<T> f = thread.submit(c);
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new KeyringTimeout("the OS keyring did not answer within " + limit.toSeconds()
                    + " s (locked, waiting for a password prompt?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the OS keyring", e);
        } catch (ExecutionException e) {
            throw new IOException(said(e.getCause()), e.getCause());
        }
    }

    /**
     * The library's own exceptions carry a sentence; anything else is its failure on an answer it
     * did not expect, which GNOME Keyring gives for a locked collection after a dismissed prompt.
     */
    private static String said(Throwable cause) {
        if (cause instanceof IOException || cause instanceof PasswordAccessException) {
            return String.valueOf(cause.getMessage());
        }
        return "it failed (locked, or a prompt dismissed?): " + cause;
    }

    @Override
    public void close() {
        try {
            if (broken == null) {
                within(thread, limit, () -> {
                    keyring.close();
                    return null;
                });
            }
        } catch (IOException ignored) {
            // closing a connection that failed: nothing is left to save
        } finally {
            thread.shutdownNow();
        }
    }

    /** Ran out of time: the keyring is taken as broken for the rest of this process. */
    private static final class KeyringTimeout extends IOException {
        KeyringTimeout(String message) {
            super(message);
        }
    }
}
