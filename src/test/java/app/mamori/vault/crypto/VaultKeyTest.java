package app.mamori.vault.crypto;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultKeyTest {

    @Test
    void theKeyFileReadBackWithThePassphraseOpensWhatItsKeysEncrypted() throws IOException {
        VaultKey.Created created = VaultKey.create("a long passphrase for the office");
        byte[] sealed = new EncryptingInputStream(new ByteArrayInputStream("rows".getBytes(StandardCharsets.UTF_8)),
                created.keys(), created.keys().saltFor("c", "s"), "c").readAllBytes();

        DataKeys again = VaultKey.fromJson(created.file().toJson()).unlock("a long passphrase for the office");

        assertThat(new DecryptingInputStream(new ByteArrayInputStream(sealed), again, "c").readAllBytes())
                .asString(StandardCharsets.UTF_8).isEqualTo("rows");
    }

    @Test
    void aWrongPassphraseIsAClearError() throws IOException {
        VaultKey file = VaultKey.fromJson(VaultKey.create("a long passphrase for the office").file().toJson());

        assertThatThrownBy(() -> file.unlock("a long passphrase for the offica"))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("passphrase does not open this vault's key");
    }

    @Test
    void theKeyFileHoldsNeitherThePassphraseNorTheDataKeyInTheClear() {
        String json = new String(VaultKey.create("a long passphrase for the office").file().toJson(),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"kdf\" : \"scrypt\"").contains("\"logN\" : 15").doesNotContain("passphrase");
    }

    @Test
    void aShortPassphraseIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> VaultKey.create("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--encrypt").hasMessageContaining("at least 8 characters");
    }
}
