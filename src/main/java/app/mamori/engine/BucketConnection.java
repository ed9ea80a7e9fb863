package app.mamori.engine;

import app.mamori.model.Source;
import app.mamori.ssh.PortForward;
import app.mamori.ssh.RemoteShell;
import app.mamori.vault.s3.S3Clients;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * An open client for a bucket source's bucket: directly, or with {@code --via-ssh} through a
 * local port forward over the server's SSH connection to the endpoint as the server sees it.
 * The secret key comes from the secret store and goes nowhere but the SDK's request signing.
 */
public final class BucketConnection implements AutoCloseable {
    private final S3Client client;
    private final PortForward forward;
    private final Source.Bucket source;

    private BucketConnection(S3Client client, PortForward forward, Source.Bucket source) {
        this.client = client;
        this.forward = forward;
        this.source = source;
    }

    /**
     * @param secret the secret access key, from the secret store
     * @param shell  the server's connection; used only with {@code viaSsh}
     */
    public static BucketConnection open(Source.Bucket source, String secret, RemoteShell shell) throws IOException {
        if (!source.viaSsh()) {
            return new BucketConnection(S3Clients.build(source.endpoint(), source.region(), source.pathStyle(),
                    source.accessKeyId(), secret), null, source);
        }
        URI on = URI.create(source.endpoint().orElseThrow());
        int port = on.getPort() > 0 ? on.getPort() : "https".equals(on.getScheme()) ? 443 : 80;
        PortForward f = shell.forward(on.getHost(), port);
        try {
            String here = on.getScheme() + "://127.0.0.1:" + f.localPort();
            return new BucketConnection(S3Clients.build(Optional.of(here), source.region(), true,
                    source.accessKeyId(), secret), f, source);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    public S3Client client() {
        return client;
    }

    /** The bucket's refusal or an unreachable endpoint, in words for the admin. */
    public String describe(RuntimeException e) {
        return S3Clients.describe("source " + source.name() + " (" + source.describe() + ")", source.bucket(), e)
                .replace("check --endpoint and the network", source.viaSsh()
                        ? "check that the endpoint listens at " + source.endpoint().orElse("") + " on server "
                        + source.server() : "check --endpoint and the network");
    }

    @Override
    public void close() {
        client.close();
        if (forward != null) {
            forward.close();
        }
    }
}
