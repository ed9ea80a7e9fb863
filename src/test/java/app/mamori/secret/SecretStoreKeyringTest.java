package app.mamori.secret;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's choices between the OS keyring and secrets.json, over a keyring in memory (the real one: SecretKeyringTest). */
class SecretStoreKeyringTest {
    private final MemoryKeyring keyring = new MemoryKeyring();
    private Path file;

    @BeforeEach
    void setUp(@TempDir Path home) {
        file = home.resolve("secrets.json");
    }

    private SecretStore store() {
        return new SecretStore(file, () -> new KeyringChoice.Choice(Optional.of(keyring), Optional.empty(), ""));
    }

    @Test
    void aSecretGoesToTheKeyringUnderTheDataFolderAndTheFilesHoldNoValue() throws Exception {
        SecretStore store = store();
        store.put("source/db/password", "s3cret");

        assertThat(keyring.entries).containsExactly(Map.entry("mamori " + file.getParent() + "|source/db/password",
                "s3cret"));
        assertThat(Files.exists(file) ? Files.readString(file) : "").doesNotContain("s3cret");
        assertThat(Files.readString(file.resolveSibling("secrets-keyring.json"))).contains("source/db/password")
                .doesNotContain("s3cret");
        assertThat(store().get("source/db/password")).contains("s3cret");
        assertThat(store.storage().describe()).isEqualTo("in the OS keyring (Memory)");
    }

    @Test
    void aRefusingKeyringLeavesTheSecretInTheFileAndTheStoreSaysWhy() throws Exception {
        store().put("source/db/password", "old");
        keyring.refuse = true;
        SecretStore store = store();

        store.put("source/db/password", "new");

        assertThat(new SecretStore(file).get("source/db/password")).as("the file, read alone").contains("new");
        assertThat(store.get("source/db/password")).as("not the keyring's stale value").contains("new");
        SecretStorage where = store.storage();
        assertThat(where.reason()).contains(SecretStorage.Reason.REFUSED);
        assertThat(where.describe()).startsWith("in the OS keyring (Memory); 1 still in " + file)
                .contains("refused them (Cannot create an item in a locked collection)").doesNotContain("new");
    }

    @Test
    void aKeyringThatCannotGiveASecretBackIsAnErrorNamingTheKeyNotAMissingSecret() throws Exception {
        store().put("source/db/password", "s3cret");
        keyring.refuse = true;

        assertThatThrownBy(() -> store().get("source/db/password"))
                .hasMessageContaining("source/db/password is in the OS keyring, which did not give it")
                .hasMessageContaining("locked collection").hasMessageNotContaining("s3cret");
    }

    @Test
    void secretsFromTheFileMoveOnceEachReadBackFirst() throws Exception {
        new SecretStore(file).put("a", "1");
        new SecretStore(file).put("b", "2");

        SecretStore store = store();
        assertThat(store.storage().inFile()).isZero();

        assertThat(Files.readString(file)).isEqualTo("{}");
        assertThat(keyring.entries).hasSize(2);
        assertThat(store.get("a")).contains("1");
        assertThat(store.get("b")).contains("2");
    }

    @Test
    void aSecretTheKeyringGivesBackWrongStaysInTheFile() throws Exception {
        new SecretStore(file).put("a", "1");
        keyring.garble = true;

        SecretStorage where = store().storage();

        assertThat(where.inFile()).isEqualTo(1);
        assertThat(where.describe()).contains("gave back another value");
        assertThat(new SecretStore(file).get("a")).contains("1");
    }

    @Test
    void removingASecretDeletesItFromTheKeyringAndTheFile() throws Exception {
        SecretStore store = store();
        store.put("a", "1");
        keyring.refuse = true;
        store.put("b", "2");
        keyring.refuse = false;

        store.remove("a");
        store.remove("b");

        assertThat(keyring.entries).isEmpty();
        assertThat(store.get("a")).isEmpty();
        assertThat(store.get("b")).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("{}");
    }

    @Test
    void aCopiedDataFolderReadsTheOriginalsEntriesButNeverDeletesThem(@TempDir Path copy) throws Exception {
        store().put("a", "1");
        Files.copy(file.resolveSibling("secrets-keyring.json"), copy.resolve("secrets-keyring.json"));
        SecretStore copied = new SecretStore(copy.resolve("secrets.json"),
                () -> new KeyringChoice.Choice(Optional.of(keyring), Optional.empty(), ""));

        assertThat(copied.get("a")).contains("1");
        copied.remove("a");

        assertThat(copied.get("a")).isEmpty();
        assertThat(store().get("a")).as("the original's").contains("1");
    }

    @Test
    void offTurnsTheKeyringOffAndOnLinuxWithoutASessionBusItIsNotTried() {
        assertThat(KeyringChoice.open(Map.of("MAMORI_KEYRING", "off", "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nowhere"))
                .reason()).contains(SecretStorage.Reason.TURNED_OFF);
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(KeyringChoice.open(Map.of()).reason()).contains(SecretStorage.Reason.NO_SESSION_BUS);
        }
    }
}
