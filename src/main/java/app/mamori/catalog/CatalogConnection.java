package app.mamori.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The catalogue's single SQLite connection and the lock every use of it goes through.
 *
 * <p>One connection behind a fair lock rather than a pool: SQLite lets only one writer in at a
 * time anyway, the catalogue's statements take microseconds to milliseconds, and with a single
 * connection our own threads can never get SQLITE_BUSY from each other or deadlock on a lock
 * upgrade. Long work (a file index of a million entries) is cut into short transactions by its
 * writer so the desktop app is never kept waiting. Another process on the same file (the CLI
 * while the app is open) is handled by busy_timeout and IMMEDIATE transactions.
 */
final class CatalogConnection implements AutoCloseable {

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Whether the lock holder is inside {@link #write}; read and written only under the lock. */
    private boolean inTransaction;

    CatalogConnection(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    Path file() {
        return file;
    }

    /**
     * Runs work whose statements are each complete on their own (a query, one insert), each
     * committed as it runs; inside a {@link #write} it simply joins that transaction.
     */
    <T> T autocommit(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: all of it is stored, or none of it. Nested calls join the outer one. */
    <T> T write(SqlWork<T> work) {
        lock.lock();
        try {
            if (inTransaction) {
                return work.run(connection);
            }
            return inNewTransaction(work);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T inNewTransaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        inTransaction = true;
        boolean committed = false;
        try {
            T result = work.run(connection);
            connection.commit();
            committed = true;
            return result;
        } finally {
            inTransaction = false;
            if (!committed) {
                rollbackKeepingTheOriginalError();
            }
            connection.setAutoCommit(true);
        }
    }

    private void rollbackKeepingTheOriginalError() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The error that made us roll back is the one worth reporting.
        }
    }

    CatalogException failure(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            return new CatalogException("the catalogue " + file + " stayed locked by another process for longer than"
                    + " Mamori waits (" + e.getMessage() + "). Another Mamori"
                    + " (the app, a scheduled run) or a program holding the file open is writing to it: let it finish"
                    + " or close that program, then try again", e);
        }
        return new CatalogException("catalogue " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }
}
