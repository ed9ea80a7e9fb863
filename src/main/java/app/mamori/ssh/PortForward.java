package app.mamori.ssh;

/**
 * A local port forward over an open SSH connection: connections to {@code 127.0.0.1:localPort()}
 * on this computer reach a host and port as the server sees them (a MinIO on the server's own
 * loopback). Closing it stops listening; the SSH connection stays open.
 */
public interface PortForward extends AutoCloseable {

    int localPort();

    @Override
    void close();
}
