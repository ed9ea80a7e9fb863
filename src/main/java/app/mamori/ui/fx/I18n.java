package app.mamori.ui.fx;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every string the app shows, from {@code app/mamori/ui/messages*.properties}. */
public final class I18n {
    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("app.mamori.ui.messages", locale);
    }

    public static I18n system() {
        return new I18n(Locale.getDefault());
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
