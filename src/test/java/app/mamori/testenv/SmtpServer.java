package app.mamori.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away Exim (Debian's exim4-daemon-light) on 127.0.0.1: one port that offers
 * STARTTLS, one with TLS from the first byte (SMTPS), both requiring AUTH PLAIN/LOGIN over
 * TLS for user {@link #USER}. Every accepted message lands as a file in a Maildir, which
 * tests read. The certificate is self-signed for {@code localhost} and 127.0.0.1; tests
 * trust it through {@link #certificate()}.
 *
 * <p>Exim run with {@code -C} as root drops its privileges to the Debian-exim user, so the
 * temp folder is handed to that user.
 */
public final class SmtpServer implements AutoCloseable {
    public static final String USER = "mamori";
    /** Hostile on purpose: quotes, a space, a dollar sign and a colon must survive AUTH. */
    public static final String PASSWORD = "sm'tp \"pw\" $x:1";
    private static final String EXIM_USER = "Debian-exim";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private int startTlsPort;
    private int tlsPort;
    private Process process;

    private SmtpServer(Path dir, int startTlsPort, int tlsPort) {
        this.dir = dir;
        this.startTlsPort = startTlsPort;
        this.tlsPort = tlsPort;
    }

    public static SmtpServer start() {
        Path exim = Tools.require("/usr/sbin/exim4", "exim4-daemon-light");
        Tools.require("/usr/bin/openssl", "openssl");
        Path dir;
        try {
            dir = Files.createTempDirectory("mamori-smtp-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SmtpServer smtp = new SmtpServer(dir, Tools.freePort(), Tools.freePort());
        try {
            smtp.configure();
            // Ports free when picked can be taken before exim binds them (another test JVM,
            // another run): then it gives up saying so, and starts again on two others.
            for (int attempt = 1; ; attempt++) {
                Files.deleteIfExists(dir.resolve("exim.pid"));
                smtp.process = new ProcessBuilder(exim.toString(), "-C", dir.resolve("exim.conf").toString(), "-bdf",
                        "-q10s", "-oP", dir.resolve("exim.pid").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("exim.out").toFile()))
                        .start();
                try {
                    smtp.waitUntilListening();
                    return smtp;
                } catch (IllegalStateException e) {
                    String said = Proc.tail(dir.resolve("exim.out"), 10) + Proc.tail(dir.resolve("log/paniclog"), 10)
                            + Proc.tail(dir.resolve("log/mainlog"), 10);
                    if (attempt >= Tools.PORT_ATTEMPTS || smtp.process.isAlive() || !said.contains("Address already in use")) {
                        throw e;
                    }
                    smtp.startTlsPort = Tools.freePort();
                    smtp.tlsPort = Tools.freePort();
                    Files.writeString(dir.resolve("exim.conf"), smtp.config());
                }
            }
        } catch (IOException | RuntimeException e) {
            String tail = Proc.tail(dir.resolve("log/mainlog"), 20) + Proc.tail(dir.resolve("exim.out"), 20);
            smtp.close();
            throw new IllegalStateException("Exim did not start in " + dir + ": " + e.getMessage()
                    + "\n--- log tail ---\n" + tail, e);
        }
    }

    private void configure() throws IOException {
        for (String sub : List.of("spool", "log", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Proc.check(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"),
                Map.of(), null, TIMEOUT);
        Files.writeString(dir.resolve("password"), PASSWORD);
        Files.writeString(dir.resolve("exim.conf"), config());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (Tools.isRoot()) {
            Proc.check(List.of("chown", "-R", EXIM_USER, dir.toString()), Map.of(), null, TIMEOUT);
            // exim insists that its configuration belongs to root or to itself, and is not writable by others
            Proc.check(List.of("chown", "root", dir.resolve("exim.conf").toString()), Map.of(), null, TIMEOUT);
        }
    }

    private String config() {
        String d = dir.toString();
        String check = "${if and{{eq{$auth%s}{" + USER + "}}{eq{$auth%s}{${readfile{" + d + "/password}}}}}}";
        return String.join("\n",
                "primary_hostname = localhost",
                "spool_directory = " + d + "/spool",
                "log_file_path = " + d + "/log/%slog",
                "pid_file_path = " + d + "/exim.pid",
                "daemon_smtp_ports = " + startTlsPort + " : " + tlsPort,
                "tls_on_connect_ports = " + tlsPort,
                "local_interfaces = 127.0.0.1",
                // a port taken meanwhile: exit at once (start() picks others) instead of retrying for minutes
                "daemon_startup_retries = 0",
                "tls_advertise_hosts = *",
                "tls_certificate = " + d + "/cert.pem",
                "tls_privatekey = " + d + "/key.pem",
                "acl_smtp_rcpt = check_rcpt",
                "auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}}",
                "host_lookup =",
                "rfc1413_hosts =",
                "keep_environment =",
                "",
                "begin acl",
                "check_rcpt:",
                "  accept authenticated = *",
                "  deny message = authentication required",
                "",
                "begin routers",
                "everyone:",
                "  driver = accept",
                "  transport = maildir",
                "",
                "begin transports",
                "maildir:",
                "  driver = appendfile",
                "  directory = " + d + "/mail",
                "  maildir_format",
                "  user = " + EXIM_USER,
                "",
                "begin authenticators",
                "plain:",
                "  driver = plaintext",
                "  public_name = PLAIN",
                "  server_prompts = :",
                "  server_condition = " + check.formatted("2", "3"),
                "  server_set_id = $auth2",
                "login:",
                "  driver = plaintext",
                "  public_name = LOGIN",
                "  server_prompts = Username:: : Password::",
                "  server_condition = " + check.formatted("1", "2"),
                "  server_set_id = $auth1",
                "");
    }

    // Exim writes its pid file once its sockets listen; before that, whatever answers on the
    // port could be another server that took it.
    private void waitUntilListening() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exim exited with status " + process.exitValue());
            }
            if (!Files.exists(dir.resolve("exim.pid"))) {
                sleep(50);
                continue;
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), startTlsPort)) {
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("exim did not listen on port " + startTlsPort + " within " + TIMEOUT);
    }

    public String host() {
        return "127.0.0.1";
    }

    /** Offers STARTTLS; AUTH only after it. */
    public int startTlsPort() {
        return startTlsPort;
    }

    /** TLS from the first byte (SMTPS, "implicit TLS"). */
    public int tlsPort() {
        return tlsPort;
    }

    /** The server's self-signed certificate, PEM. */
    public Path certificate() {
        return dir.resolve("cert.pem");
    }

    /** Every message delivered so far, raw (headers and body), oldest first. */
    public List<String> messages() {
        Path maildir = dir.resolve("mail/new");
        if (!Files.isDirectory(maildir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(maildir)) {
            List<String> out = new ArrayList<>();
            for (Path f : files.sorted(Comparator.comparing(SmtpServer::modified)).toList()) {
                out.add(Files.readString(f, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until at least {@code count} messages arrived (delivery is asynchronous) and returns them all. */
    public List<String> awaitMessages(int count) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> now = messages();
        while (now.size() < count && System.nanoTime() < deadline) {
            sleep(100);
            now = messages();
        }
        if (now.size() < count) {
            throw new AssertionError("expected " + count + " delivered messages, got " + now.size()
                    + "\n--- exim log ---\n" + Proc.tail(dir.resolve("log/mainlog"), 20));
        }
        return now;
    }

    /** Exim's main log: what it accepted, delivered and refused. */
    public String log() {
        return Proc.tail(dir.resolve("log/mainlog"), 200);
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
        Tools.deleteTree(dir);
    }
}
