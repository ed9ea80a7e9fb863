package app.mamori.testenv;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server on loopback: Adobe's S3Mock (a Spring Boot application, fetched by Maven
 * into {@code target/s3mock/s3mock.jar}), run as its own process with its store in a temp folder.
 * It speaks path-style S3 with any access key; it checks Content-MD5 and multipart part
 * numbers, but does not check signatures.
 */
public final class S3Server implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "AKIAMAMORITEST";
    public static final String SECRET_ACCESS_KEY = "test-secret-key-never-printed";

    private final Path dir;
    private final int port;
    private final Process process;
    private final S3Client client;

    private S3Server(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.client = S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION))
                .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static S3Server start() {
        Path jar = jar();
        try {
            Path dir = Files.createTempDirectory("mamori-s3-");
            int port = Tools.freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            // S3Mock copies each upload to a temp file first and does not always delete it: keep those in
            // the folder close() removes, not in /tmp (about two 190 KB files were left there per test run)
            Path tmp = Files.createDirectory(dir.resolve("tmp"));
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString(),
                    "--server.address=127.0.0.1", "--server.port=0",
                    "--com.adobe.testing.s3mock.httpPort=" + port,
                    "--com.adobe.testing.s3mock.store.root=" + dir.resolve("store"),
                    "--spring.main.banner-mode=off")
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3mock.log").toFile());
            Process p = pb.start();
            S3Server s3 = new S3Server(dir, port, p);
            s3.awaitReady(Duration.ofSeconds(90));
            return s3;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Mock from " + jar, e);
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("mamori.s3mock.jar", "target/s3mock/s3mock.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no S3Mock at " + jar.toAbsolutePath() + "; `mvn test-compile` fetches it"
                    + " (maven-dependency-plugin, execution fetch-s3mock)");
        }
        return jar;
    }

    private void awaitReady(Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited " + process.exitValue() + ":\n"
                        + Proc.tail(dir.resolve("s3mock.log"), 30));
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
                throw new IllegalStateException("interrupted waiting for S3Mock", e);
            }
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + timeout + ":\n"
                + Proc.tail(dir.resolve("s3mock.log"), 30));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A client of the server's own, for tests to look at what was stored. */
    public S3Client client() {
        return client;
    }

    /** A new empty bucket with a name no other test uses. */
    public String newBucket(String prefix) {
        String name = prefix + "-" + Long.toString(System.nanoTime(), 36);
        client.createBucket(b -> b.bucket(name));
        return name;
    }

    /** Every object of a bucket: key and bytes. */
    public Map<String, byte[]> objects(String bucket) {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            out.put(o.key(), client.getObject(g -> g.bucket(bucket).key(o.key()),
                    ResponseTransformer.toBytes()).asByteArray());
        }
        return out;
    }

    public List<String> keys(String bucket) {
        List<String> out = new ArrayList<>();
        client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> out.add(o.key()));
        return out;
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
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
