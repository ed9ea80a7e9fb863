package app.mamori.notify;

import app.mamori.model.Note;
import app.mamori.model.NotifyChannel;
import app.mamori.model.NotifyChannel.SmtpSecurity;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends notices by SMTP, always over TLS (STARTTLS required, or TLS from the first byte),
 * with the server's certificate and host name checked.
 */
public final class EmailSender implements Sender {
    private static final String TIMEOUT_MILLIS = "20000";

    private final NotifyChannel.Email channel;
    private final Optional<String> password;

    public EmailSender(NotifyChannel.Email channel, Optional<String> password) {
        this.channel = channel;
        this.password = password;
    }

    @Override
    public void send(Notice notice) throws NotifyException {
        Session session = Session.getInstance(properties());
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(channel.from(), true));
            for (String to : channel.to()) {
                m.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
            }
            m.setSubject((notice.test() ? "[Mamori test] " : "[Mamori] ") + notice.title(),
                    StandardCharsets.UTF_8.name());
            m.setText(notice.text() + "\n\n-- \n" + notice.sentBy() + "\n",
                    StandardCharsets.UTF_8.name());
            m.setSentDate(Date.from(notice.time()));
            m.setHeader("Auto-Submitted", "auto-generated");
            if (channel.user().isPresent()) {
                Transport.send(m, channel.user().get(), password.orElseThrow(() -> new NotifyException(
                        "no password stored for SMTP user " + channel.user().get() + "; add the notifier again with"
                                + " --smtp-password-stdin")));
            } else {
                Transport.send(m);
            }
        } catch (AddressException e) {
            throw new NotifyException("an address of this notifier is not valid: " + e.getMessage(), e);
        } catch (AuthenticationFailedException e) {
            throw new NotifyException(Note.of("mailAuth", "the mail server " + where() + " refused the password of user "
                    + channel.user().orElse("(none)") + " (" + oneLine(e.getMessage()) + "); add the notifier again"
                    + " with the right --smtp-password-stdin", where(), channel.user().orElse(""),
                    oneLine(e.getMessage())), e);
        } catch (MessagingException e) {
            throw new NotifyException(explain(e), e);
        }
    }

    private Properties properties() throws NotifyException {
        Properties p = new Properties();
        p.put("mail.smtp.host", channel.host());
        p.put("mail.smtp.port", Integer.toString(channel.port()));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        if (channel.security() == SmtpSecurity.TLS) {
            p.put("mail.smtp.ssl.enable", "true");
        } else {
            p.put("mail.smtp.starttls.enable", "true");
            // never fall back to sending the password and the message in clear text
            p.put("mail.smtp.starttls.required", "true");
        }
        p.put("mail.smtp.auth", Boolean.toString(channel.user().isPresent()));
        if (channel.caFile().isPresent()) {
            p.put("mail.smtp.ssl.socketFactory", TrustedCertificates.withExtra(Path.of(channel.caFile().get()))
                    .getSocketFactory());
        }
        return p;
    }

    private Note explain(MessagingException e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof CertificateException || t instanceof SSLException && t.getMessage() != null
                    && t.getMessage().contains("certificate")) {
                return Note.of("mailCertificate", "the mail server " + where() + " presented a certificate this"
                        + " computer does not trust (" + oneLine(t.getMessage()) + "); if it is the office's own"
                        + " certificate, give it with --smtp-ca FILE", where(), oneLine(t.getMessage()));
            }
            if (t instanceof UnknownHostException) {
                return Note.of("mailUnknownHost", "the mail server's name " + channel.host() + " is not known;"
                        + " check --smtp", channel.host());
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return Note.of("mailUnreachable", "cannot connect to the mail server " + where() + " ("
                        + oneLine(t.getMessage()) + "); check --smtp, --smtp-port and that this computer may reach it",
                        where(), oneLine(t.getMessage()));
            }
        }
        String msg = oneLine(e.getMessage());
        if (msg.contains("STARTTLS")) {
            return Note.of("mailNoStarttls", "the mail server " + where() + " does not offer STARTTLS; if it expects"
                    + " TLS from the first byte (usually port 465), use --smtp-security tls", where());
        }
        String detail = msg + (root != e && root.getMessage() != null ? " (" + oneLine(root.getMessage()) + ")" : "");
        return Note.of("mailFailed", "sending mail through " + where() + " failed: " + detail, where(), detail);
    }

    private String where() {
        return channel.host() + ":" + channel.port();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
