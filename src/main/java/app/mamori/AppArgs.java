package app.mamori;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The arguments that open the desktop app rather than the CLI: none, or {@code --home DIR}
 * and {@code --lang ja|en} in any order, each at most once. Anything else is a CLI command line.
 *
 * @param home the data folder given, else the default one
 * @param lang the app's language for this start, over the one chosen in Settings
 */
public record AppArgs(Optional<Path> home, Optional<String> lang) {

    /** The app's arguments, or empty when {@code args} are a CLI command line. */
    public static Optional<AppArgs> parse(String[] args) {
        Path home = null;
        String lang = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                return Optional.empty();
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--home" -> {
                    if (home != null) {
                        return Optional.empty();
                    }
                    home = Path.of(value);
                }
                case "--lang" -> {
                    if (lang != null || !(value.equals("ja") || value.equals("en"))) {
                        return Optional.empty(); // the CLI says what is wrong with it
                    }
                    lang = value;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new AppArgs(Optional.ofNullable(home), Optional.ofNullable(lang)));
    }
}
