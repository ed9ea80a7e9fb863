package app.mamori.testenv;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * moto's S3 server (Python, {@code pip install 'moto[server]'}) on loopback, for the one thing
 * S3Mock does not do: enforce S3 Object Lock (a locked version's delete is refused with
 * AccessDenied, as on AWS). Only the Object Lock tests use it; everything else stays on
 * {@link S3Server}, which is faster to start and checks Content-MD5 and multipart parts.
 * Keeps its store in memory; any access key works.
 */
public final class MotoServer implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "AKIAMAMORILOCK";
    public static final String SECRET_ACCESS_KEY = "lock-test-secret-never-printed";

    private final Path dir;
    private final int port;
    private final Process process;
    private final S3Client client;

    private MotoServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.client = S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION))
                .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static MotoServer start() {
        Path program = program().orElseThrow(() -> new IllegalStateException("moto_server not found on PATH:"
                + " install it with pip install 'moto[server]' (scripts/test does)"));
        try {
            Path dir = Files.createTempDirectory("mamori-moto-");
            int port = Tools.freePort();
            Process p = new ProcessBuilder(program.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("moto.log").toFile()).start();
            MotoServer moto = new MotoServer(dir, port, p);
            moto.awaitReady(Duration.ofSeconds(60));
            return moto;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + program, e);
        }
    }

    private static Optional<Path> program() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, "moto_server");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private void awaitReady(Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited " + process.exitValue() + ":\n"
                        + Proc.tail(dir.resolve("moto.log"), 30));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) new URL(endpoint() + "/").openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for moto_server", e);
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + timeout + ":\n"
                + Proc.tail(dir.resolve("moto.log"), 30));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of the server's own, for tests to look at (and try to delete) what was stored. */
    public S3Client client() {
        return client;
    }

    /** A new empty bucket with Object Lock (and so versioning) enabled. */
    public String newLockedBucket(String prefix) {
        String name = prefix + "-" + Long.toString(System.nanoTime(), 36);
        client.createBucket(b -> b.bucket(name).objectLockEnabledForBucket(true));
        return name;
    }

    /** A new empty bucket without Object Lock. */
    public String newBucket(String prefix) {
        String name = prefix + "-" + Long.toString(System.nanoTime(), 36);
        client.createBucket(b -> b.bucket(name));
        return name;
    }

    @Override
    public void close() {
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Tools.deleteTree(dir);
    }
}
