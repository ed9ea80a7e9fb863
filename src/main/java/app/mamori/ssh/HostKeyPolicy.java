package app.mamori.ssh;

/**
 * What to do about the server's host key on connect. Only {@link Pinned} is used for
 * normal work; the other two exist for adding a server, and record the key they accept.
 */
public sealed interface HostKeyPolicy {

    /** Accept only the key already in Mamori's known_hosts; refuse unknown and changed keys. */
    record Pinned() implements HostKeyPolicy {
    }

    /** Accept a key only if its fingerprint is this one ({@code SHA256:...}), then pin it. */
    record Expect(String fingerprint) implements HostKeyPolicy {
    }

    /** Accept and pin whatever key an unknown server shows; a changed key is still refused. */
    record TrustOnFirstUse() implements HostKeyPolicy {
    }

    static HostKeyPolicy pinned() {
        return new Pinned();
    }

    /**
     * The jump host's policy when the admin vouched only for the server: a fingerprint names the
     * server's key, not the hop's, so the hop must be pinned already; trust on first use covers both.
     */
    static HostKeyPolicy forJumpHost(HostKeyPolicy serverPolicy) {
        return serverPolicy instanceof Expect ? pinned() : serverPolicy;
    }
}
