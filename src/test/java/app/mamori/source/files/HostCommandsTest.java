package app.mamori.source.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostCommandsTest {
    @Test
    void eachRootIsKeptUnderItsAbsolutePath() {
        assertThat(HostCommands.treeOf("/v/p/www", "/var/www")).isEqualTo("/v/p/www/tree/var/www");
        assertThat(HostCommands.treeOf("/v/p/www", "/")).isEqualTo("/v/p/www/tree");
    }

    @Test
    void firstCopyHasNoLinkDestAndQuotesEveryPath() {
        String cmd = HostCommands.rsync("/srv/it's $(x)", "/v/p/s", null, List.of("*.log"));

        assertThat(cmd).isEqualTo("umask 077; mkdir -p /v/p/s/tree/srv || exit 1; LC_ALL=C rsync -a --numeric-ids --modify-window=-1"
                + " '--exclude=*.log' '/srv/it'\\''s $(x)/' '/v/p/s/tree/srv/it'\\''s $(x)/'");
    }

    @Test
    void laterCopyLinksToThePreviousTreeOnlyWhenThatRootIsThere() {
        String cmd = HostCommands.rsync("/srv/a", "/v/p2/s", "/v/p1/s", List.of());

        assertThat(cmd).contains("if [ -d /v/p1/s/tree/srv/a ]; then LC_ALL=C rsync -a --numeric-ids --modify-window=-1"
                + " --link-dest=/v/p1/s/tree/srv/a /srv/a/ /v/p2/s/tree/srv/a/; else LC_ALL=C rsync -a --numeric-ids --modify-window=-1"
                + " /srv/a/ /v/p2/s/tree/srv/a/; fi");
    }

    @Test
    void aVaultInsideTheRootLeavesOutTheJobFolder() {
        assertThat(HostCommands.vaultInside("/", "/mnt/disk/web/site/.tmp-1.2/www")).isEqualTo("/mnt/disk/web/site/");
        assertThat(HostCommands.vaultInside("/mnt", "/mnt/disk/web/site/.tmp-1.2/www")).isEqualTo("/disk/web/site/");
        assertThat(HostCommands.vaultInside("/mnt/d[1]", "/mnt/d[1]/x*/site/.tmp-1.2/www"))
                .isEqualTo("/x\\*/site/");
        assertThat(HostCommands.vaultInside("/srv", "/mnt/disk/web/site/.tmp-1.2/www")).isNull();
        assertThat(HostCommands.vaultInside("/mnt/disk/web/sit", "/mnt/disk/web/site/.tmp-1.2/www")).isNull();
        assertThat(HostCommands.rsync("/", "/mnt/disk/web/site/.tmp-1.2/www", null, List.of()))
                .contains("--exclude=/mnt/disk/web/site/ / /mnt/disk/web/site/.tmp-1.2/www/tree/");
    }

    @Test
    void checksumOutputIsParsedAsRawNulTerminatedRecords() throws Exception {
        var sums = new java.util.HashMap<RawPath, String>();
        var lines = new HostHashes.Lines(sums);
        String hex = "a".repeat(64);
        byte[] name = {'n', '\n', (byte) 0xff, ' ', 'x'};
        var out = new java.io.ByteArrayOutputStream();
        out.write((hex + "  ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(name);
        out.write(0);
        out.write((hex.replace('a', 'b') + " *-dash").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(0);
        byte[] all = out.toByteArray();
        lines.write(all, 0, 40);
        lines.write(all, 40, all.length - 40);
        lines.finish();

        assertThat(sums).containsEntry(RawPath.ofBytes(name), hex)
                .containsEntry(RawPath.ofUtf8("-dash"), hex.replace('a', 'b')).hasSize(2);
    }
}
