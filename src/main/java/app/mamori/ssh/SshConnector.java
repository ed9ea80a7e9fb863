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
    default RemoteShell connect(Server server, HostKeyPolicy policy, char[] passphrase) throws SshException {
        return connect(server, policy, HostKeyPolicy.forJumpHost(policy), passphrase);
    }

    /**
     * Connects through the server's jump host (if it has one) under its own policy.
     *
     * @throws SshException also when {@code jumpPolicy} names a key and the server has no jump host
     */
    RemoteShell connect(Server server, HostKeyPolicy policy, HostKeyPolicy jumpPolicy, char[] passphrase)
            throws SshException;

    default RemoteShell connect(Server server) throws SshException {
        return connect(server, HostKeyPolicy.pinned(), null);
    }
}
