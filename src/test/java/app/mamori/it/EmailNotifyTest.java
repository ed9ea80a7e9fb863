package app.mamori.it;

import app.mamori.testenv.SmtpExtension;
import app.mamori.testenv.SmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mail notifiers against a real Exim that requires TLS and a password. */
@ExtendWith(SmtpExtension.class)
class EmailNotifyTest {
    private Cli cli;
    private SmtpServer smtp;

    @BeforeEach
    void setUp(SmtpServer smtp, @TempDir Path tmp) {
        this.smtp = smtp;
        cli = new Cli(tmp.resolve("home"));
    }

    private Cli.Result add(String name, String security, int port, String password, String... more) {
        String[] base = {"notify", "add", name, "--smtp", "localhost", "--smtp-port", Integer.toString(port),
                "--smtp-security", security, "--smtp-user", SmtpServer.USER, "--smtp-password-stdin",
                "--from", "mamori@office.test", "--to", "admin@office.test"};
        String[] all = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        return cli.runWithStdin(password + "\n", all);
    }

    @Test
    void testMessageArrivesOverStartTlsWithTheOfficesOwnCertificate() {
        int before = smtp.messages().size();
        add("mail", "starttls", smtp.startTlsPort(), SmtpServer.PASSWORD, "--smtp-ca", smtp.certificate().toString())
                .requireOk();

        cli.run("notify", "test", "mail").requireOk();

        String message = smtp.awaitMessages(before + 1).get(before);
        assertThat(message).contains("Subject: [Mamori test] Test message from notifier mail")
                .contains("To: admin@office.test").contains("reaches you");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?mi)^Message-ID: <([^>]+)>").matcher(message);
        assertThat(id.find()).as("Message-ID in " + message).isTrue();
        String received = smtp.log().lines().filter(l -> l.contains("id=" + id.group(1))).findFirst().orElseThrow();
        assertThat(received).as("came in over TLS, logged in")
                .containsPattern("P=esmtpsa X=TLS1\\.[23]:\\S+ CV=no A=(plain|login):" + SmtpServer.USER);
    }

    @Test
    void testMessageArrivesOverImplicitTls() {
        int before = smtp.messages().size();
        add("mail465", "tls", smtp.tlsPort(), SmtpServer.PASSWORD, "--smtp-ca", smtp.certificate().toString())
                .requireOk();

        cli.run("notify", "test", "mail465").requireOk();

        assertThat(smtp.awaitMessages(before + 1).get(before)).contains("Test message from notifier mail465");
    }

    /** A Japanese office's notifier: the subject, encoded for SMTP, reads back as the Japanese sentence. */
    @Test
    void aJapaneseNotifiersMessageArrivesInJapanese() throws Exception {
        int before = smtp.messages().size();
        add("jimu", "tls", smtp.tlsPort(), SmtpServer.PASSWORD, "--smtp-ca", smtp.certificate().toString(),
                "--language", "ja").requireOk();
        assertThat(cli.run("notify", "list").requireOk().out()).contains("\tin ja");

        cli.run("notify", "test", "jimu").requireOk();

        String raw = smtp.awaitMessages(before + 1).get(before);
        assertThat(raw).as("headers stay ASCII").containsPattern("(?m)^Subject: =\\?UTF-8\\?");
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        assertThat(m.getSubject()).isEqualTo("[Mamori test] テスト通知: 通知先 jimu");
        assertThat((String) m.getContent()).contains("これが読めれば、Mamori の通知先 jimu は届いています。")
                .containsPattern("Mamori が \\S+ に送信しました").doesNotContain("reaches you");

        cli.run("notify", "set", "jimu", "--language", "en").requireOk();
        assertThat(cli.run("notify", "list", "--json").requireOk().json().get(0).get("language").asText())
                .isEqualTo("en");
        Cli.Result bad = add("mail", "tls", smtp.tlsPort(), SmtpServer.PASSWORD, "--language", "fr");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("--language: 'fr' is not one of en, ja");
    }

    @Test
    void aWrongPasswordIsReportedAsSuchAndNothingIsSent() {
        add("mail", "starttls", smtp.startTlsPort(), "not the password", "--smtp-ca", smtp.certificate().toString())
                .requireOk();

        Cli.Result r = cli.run("notify", "test", "mail");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("refused the password of user " + SmtpServer.USER)
                .contains("--smtp-password-stdin").doesNotContain("not the password");
    }

    @Test
    void anUntrustedCertificateIsRefusedWithTheWayToTrustIt() {
        add("mail", "starttls", smtp.startTlsPort(), SmtpServer.PASSWORD).requireOk();

        Cli.Result r = cli.run("notify", "test", "mail");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("certificate this computer does not trust").contains("--smtp-ca");
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() throws Exception {
        // 127.0.0.2 reaches the same loopback server, but the certificate names localhost and 127.0.0.1 only
        cli.runWithStdin(SmtpServer.PASSWORD + "\n", "notify", "add", "mail", "--smtp", "127.0.0.2",
                "--smtp-port", Integer.toString(smtp.startTlsPort()), "--smtp-user", SmtpServer.USER,
                "--smtp-password-stdin", "--from", "m@office.test", "--to", "a@office.test",
                "--smtp-ca", smtp.certificate().toString()).requireOk();

        Cli.Result r = cli.run("notify", "test", "mail");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).containsIgnoringCase("127.0.0.2");
    }

    @Test
    void theSmtpPasswordIsKeptOnlyInTheSecretStore() throws Exception {
        add("mail", "starttls", smtp.startTlsPort(), SmtpServer.PASSWORD, "--smtp-ca", smtp.certificate().toString())
                .requireOk();
        cli.run("notify", "test", "mail").requireOk();

        Cli.Result list = cli.run("notify", "list", "--json").requireOk();
        assertThat(list.json().get(0).get("user").asText()).isEqualTo(SmtpServer.USER);
        assertThat(list.out()).doesNotContain(SmtpServer.PASSWORD);
        try (Stream<Path> files = Files.walk(cli.home())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (f.getFileName().toString().equals("secrets.json")) {
                    assertThat(content).contains("notify/mail/password");
                } else {
                    assertThat(content).as(f.toString()).doesNotContain(SmtpServer.PASSWORD);
                }
            }
        }
    }
}
