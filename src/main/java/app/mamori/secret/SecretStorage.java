package app.mamori.secret;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this process keeps secrets, as the CLI's {@code status} and the app's Settings say it.
 *
 * @param keyring the OS keyring new secrets go to ("Secret Service"), empty when they go to the file
 * @param file    {@code secrets.json}
 * @param inFile  how many secrets the file still holds (those from before the keyring, or refused by it)
 * @param reason  why secrets are (some of them) in the file, empty when none is
 * @param detail  what the keyring or the environment said, in its own words; never a secret
 */
public record SecretStorage(Optional<String> keyring, Path file, int inFile, Optional<Reason> reason, String detail) {

    /** Why the file is in use. */
    public enum Reason {
        /** {@code MAMORI_KEYRING=off} (or the {@code mamori.keyring} property) chose the file. */
        TURNED_OFF,
        /** Linux and the BSDs: no D-Bus session bus to reach a Secret Service through (a server, cron, CI). */
        NO_SESSION_BUS,
        /** A session bus but no keyring answered on it, or the OS has none. */
        NO_KEYRING,
        /** The keyring is there but refused or failed a change (locked, no answer): the file kept the secret. */
        REFUSED
    }

    /** One line for a person, in English (the CLI's language). */
    public String describe() {
        String file = "in " + this.file + " (readable by you only)";
        if (keyring.isPresent()) {
            String text = "in the OS keyring (" + keyring.get() + ")";
            return inFile == 0 ? text : text + "; " + inFile + " still " + file + why().map(w -> ": " + w).orElse("");
        }
        return file + why().map(w -> ": " + w).orElse("");
    }

    /** Why the file is in use, in English; empty when it is not. */
    public Optional<String> why() {
        return reason.map(r -> {
            String text = switch (r) {
                case TURNED_OFF -> "the OS keyring is turned off (MAMORI_KEYRING=off)";
                case NO_SESSION_BUS -> "no OS keyring: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)";
                case NO_KEYRING -> "no OS keyring answered";
                case REFUSED -> "the OS keyring refused them";
            };
            return detail.isEmpty() ? text : text + " (" + detail + ")";
        });
    }
}
