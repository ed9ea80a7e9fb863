package app.mamori.model;

import java.util.regex.Pattern;

/** Names of servers, sources, jobs and vaults become folder names in the vault, so they are kept plain. */
public final class Names {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Names() {
    }

    public static String requireValid(String what, String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw Refused.of("badName", what + " '" + name + "': use 1-64 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit", name == null ? "" : name);
        }
        return name;
    }
}
