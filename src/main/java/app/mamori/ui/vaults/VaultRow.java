package app.mamori.ui.vaults;

import app.mamori.model.Vault;

import java.util.OptionalLong;

/**
 * One vault on the page.
 *
 * @param used  bytes its backups take on disk, empty until measured (or when it could not be)
 * @param free  bytes free where it lives, likewise
 * @param note  why it could not be measured, or empty
 */
public record VaultRow(Vault vault, OptionalLong used, OptionalLong free, String note) {
    static VaultRow unmeasured(Vault v) {
        return new VaultRow(v, OptionalLong.empty(), OptionalLong.empty(), "");
    }

    public String where() {
        return vault.server().map(s -> s + ":").orElse("") + vault.path();
    }
}
