package app.mamori.cli;

import app.mamori.vault.crypto.VaultKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** {@code mamori vault passphrase NAME}: old passphrase, then the new one twice, each a line on stdin. */
@Command(name = "passphrase", description = {
        "Change the passphrase of an encrypted offsite vault. stdin holds the current passphrase, then the new one",
        "twice, one per line. Only the vault's key file in the bucket is rewrapped; no copy is re-encrypted. Afterwards",
        "the old passphrase opens nothing: update what you keep away from the office (see docs/offsite.md).",
        "Example: mamori vault passphrase offsite < passphrases.txt"})
final class VaultPassphraseCommand extends Base {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin(), StandardCharsets.UTF_8));
        String old = in.readLine();
        String neu = in.readLine();
        String again = in.readLine();
        if (old == null || neu == null || again == null) {
            throw new ParameterException(spec.commandLine(), "give three lines on stdin: the current passphrase, the"
                    + " new one, and the new one again");
        }
        if (!neu.equals(again)) {
            throw new ParameterException(spec.commandLine(), "the new passphrase and its repetition (lines 2 and 3 on"
                    + " stdin) differ; nothing was changed");
        }
        try {
            VaultKey.requireUsable(neu);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("(the second line on stdin)",
                    "(lines 2 and 3 on stdin)"), e);
        }
        ctx().services().offsite().changePassphrase(name, old, neu);
        out().println("changed the passphrase of vault " + name + ": the old one no longer opens it. Keep the new one"
                + " somewhere safe away from the office");
        return 0;
    }
}
