package app.mamori.engine.runbook;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The runbook's words in one language: English, or Japanese. */
public final class RunbookText {
    private final ResourceBundle bundle;
    private final Locale locale;

    public RunbookText(Locale locale) {
        this.locale = locale.getLanguage().equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
        // no fallback to the JVM's default locale: an English runbook on a Japanese desktop stays English
        this.bundle = ResourceBundle.getBundle("app.mamori.engine.runbook.runbook", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Reads {@code en} or {@code ja}; anything else is a mistake naming the two. */
    public static RunbookText of(String language) {
        if (!language.equals("en") && !language.equals("ja")) {
            throw new IllegalArgumentException("--lang: '" + language + "' is not one of en, ja");
        }
        return new RunbookText(Locale.forLanguageTag(language));
    }

    public Locale locale() {
        return locale;
    }

    public String t(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("runbook text " + key + " is missing", e);
        }
    }
}
