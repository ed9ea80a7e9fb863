package app.mamori.engine.notify;

import app.mamori.model.Notifier;
import app.mamori.model.NotifyEvent;
import app.mamori.notify.Notice;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words of the notices in a notifier's language: English, or Japanese. */
public final class NoticeText {
    public static final NoticeText EN = new NoticeText(Locale.ENGLISH);
    public static final NoticeText JA = new NoticeText(Locale.JAPANESE);

    private final ResourceBundle bundle;
    private final Locale locale;

    private NoticeText(Locale locale) {
        this.locale = locale;
        // no fallback to the JVM's default locale: an English notifier on a Japanese workstation stays English
        this.bundle = ResourceBundle.getBundle("app.mamori.engine.notify.notices", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for one of {@link Notifier#LANGUAGES}. */
    public static NoticeText of(String language) {
        return language.equals("ja") ? JA : EN;
    }

    public String language() {
        return locale.getLanguage();
    }

    /**
     * The sentence {@code key} with its arguments put in, each as a string: a run id 1234 stays
     * "1234", where MessageFormat would write a number as "1,234".
     */
    public String t(String key, Object... args) {
        try {
            Object[] strings = Arrays.stream(args).map(String::valueOf).toArray();
            return new MessageFormat(bundle.getString(key), locale).format(strings);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("notice text " + key + " is missing", e);
        }
    }

    /** A notice signed with the time it was written, in this language. */
    Notice notice(NotifyEvent event, String title, String text, Map<String, Object> fields, Instant now,
                  boolean test) {
        return new Notice(event, title, text, fields, now, test, t("sentBy", now));
    }
}
