package app.mamori.ssh;

import app.mamori.model.Server;

/** Opens sessions to servers. The real one is {@link JschConnector}. */
public interface SshConnector {

    /**
     * Connects and authenticates.
     *
     * @param passphrase passphrase of the server's key file, if it has one (never logged)
     * @throws HostKeyException if the host key is unknown or changed under the given policy
     * @throws SshException     for every other failure, with a message for the admin
     */
    RemoteShell connect(Server server, HostKeyPolicy policy, char[] passphrase) throws SshException;

    default RemoteShell connect(Server server) throws SshException {
        return connect(server, HostKeyPolicy.pinned(), null);
    }
}
