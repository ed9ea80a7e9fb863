package app.mamori.ssh;

/**
 * The host key a jump host presented on this connection, so that pinning it is never silent.
 *
 * @param address     {@code user@host:port} as connected
 * @param fingerprint {@code SHA256:...}
 * @param pinnedNow   whether this connection pinned it (else it was pinned before)
 */
public record JumpHostKey(String address, String fingerprint, boolean pinnedNow) {
}
