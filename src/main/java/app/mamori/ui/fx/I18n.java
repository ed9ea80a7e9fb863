package app.mamori.ui.fx;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string the app shows, from {@code app/mamori/ui/messages*.properties}: English in
 * the base bundle, Japanese in {@code messages_ja}.
 */
public final class I18n {
    static final String BUNDLE = "app.mamori.ui.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: English chosen on a Japanese desktop means English.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static I18n system() {
        return new I18n(Locale.getDefault());
    }

    /** The text in the chosen language, or for {@link UiSettings.Language#SYSTEM} the OS's. */
    public static I18n of(UiSettings.Language choice, Locale system) {
        return new I18n(locale(choice, system));
    }

    /** Japanese for a Japanese desktop (or by choice), English for every other. */
    static Locale locale(UiSettings.Language choice, Locale system) {
        return switch (choice) {
            case JA -> Locale.JAPANESE;
            case EN -> Locale.ENGLISH;
            case SYSTEM -> system.getLanguage().equals(Locale.JAPANESE.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        };
    }

    /** The text for {@code key}, with {@code args} put in as {@link MessageFormat} does. */
    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
