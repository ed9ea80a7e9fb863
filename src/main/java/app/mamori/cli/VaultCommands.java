package app.mamori.cli;

import app.mamori.model.ObjectVault;
import app.mamori.model.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;


/** {@code mamori vault add|list|remove}. */
@Command(name = "vault", description = "Where backups are kept", mixinStandardHelpOptions = true,
        subcommands = {VaultCommands.Add.class, VaultCommands.ListVaults.class, VaultCommands.Remove.class,
                VaultPassphraseCommand.class})
final class VaultCommands {

    @Command(name = "add", description = {
            "Add a vault: a local folder (or NAS mount), with --server a folder on that SSH host, or with --s3 a bucket",
            "in S3-compatible storage for offsite copies (see docs/offsite.md). For --s3, stdin holds the secret",
            "access key on its first line and, with --encrypt, the passphrase on its second.",
            "Example: mamori vault add offsite --s3 office-backups/mamori --endpoint https://s3.eu-central-003.backblazeb2.com",
            "         --region eu-central-003 --access-key-id 003abc --secret-access-key-stdin --encrypt < secrets.txt"})
    static final class Add extends Base {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--path", paramLabel = "DIR", description = "the vault's folder")
        String path;
        @Option(names = "--server", description = "keep the vault on this server, in DIR there")
        String server;
        @Option(names = "--s3", paramLabel = "BUCKET[/PREFIX]", description = "a bucket (and a folder in it) for offsite copies")
        String s3;
        @Option(names = "--endpoint", paramLabel = "URL", description = "the provider's S3 endpoint; absent: AWS S3")
        String endpoint;
        @Option(names = "--region", paramLabel = "R", description = "the bucket's region (default us-east-1; auto for R2)")
        String region;
        @Option(names = "--path-style", description = "address the bucket in the path (always on with --endpoint)")
        boolean pathStyle;
        @Option(names = "--access-key-id", paramLabel = "ID", description = "the access key's id")
        String accessKeyId;
        @Option(names = "--secret-access-key-stdin", description = "read the secret access key from stdin (first line)")
        boolean secretStdin;
        @Option(names = "--encrypt", description = "encrypt on this computer before upload; the passphrase is read from"
                + " stdin (second line). Without the passphrase nothing can be restored: keep it safe, away from the office")
        boolean encrypt;
        @Option(names = "--object-lock-days", paramLabel = "N", description = "write every copy under S3 Object Lock"
                + " (COMPLIANCE) for N days: nobody, not even with this vault's keys, can delete or overwrite it before"
                + " then. The bucket must have Object Lock enabled (see docs/offsite.md)")
        Integer objectLockDays;

        @Override
        int run() throws Exception {
            if (s3 != null) {
                return addObjectVault();
            }
            if (path == null) {
                throw new ParameterException(spec.commandLine(), "vault add: give --path DIR for a folder, or --s3"
                        + " BUCKET for object storage");
            }
            if (endpoint != null || region != null || pathStyle || accessKeyId != null || secretStdin || encrypt
                    || objectLockDays != null) {
                throw new ParameterException(spec.commandLine(), "--endpoint, --region, --path-style, --access-key-id,"
                        + " --secret-access-key-stdin, --encrypt and --object-lock-days are for --s3 vaults; a folder"
                        + " vault takes --path");
            }
            Vault v = server == null ? ctx().services().vaults().addLocal(name, path)
                    : ctx().services().vaults().addOnServer(name, server, path);
            out().println("added vault " + name + " at " + v.server().map(s -> s + ":").orElse("") + v.path());
            return 0;
        }

        private int addObjectVault() throws IOException {
            if (path != null || server != null) {
                throw new ParameterException(spec.commandLine(), "--s3: a bucket vault takes no --path or --server");
            }
            if (accessKeyId == null) {
                throw new ParameterException(spec.commandLine(), "--access-key-id: give the access key's id for --s3");
            }
            if (!secretStdin) {
                throw new ParameterException(spec.commandLine(), "--secret-access-key-stdin: the secret key is read"
                        + " from stdin only (never from the command line, where ps shows it); add the option and pipe"
                        + " the key in");
            }
            int slash = s3.indexOf('/');
            String bucket = slash < 0 ? s3 : s3.substring(0, slash);
            String prefix = slash < 0 ? "" : s3.substring(slash + 1);
            ObjectVault v;
            try {
                if (objectLockDays != null && objectLockDays == 0) {
                    throw new IllegalArgumentException("--object-lock-days: give 1 or more days, or leave the option"
                            + " out for copies without a lock");
                }
                v = new ObjectVault(name, bucket, prefix, Optional.ofNullable(endpoint),
                        region == null ? "us-east-1" : region, pathStyle, accessKeyId, encrypt,
                        objectLockDays == null ? 0 : objectLockDays);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin(), StandardCharsets.UTF_8));
            String secret = in.readLine();
            if (secret == null || secret.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--secret-access-key-stdin: no secret key on stdin;"
                        + " pipe it in as the first line, e.g. from a file with < FILE");
            }
            Optional<String> passphrase = Optional.empty();
            if (encrypt) {
                String line = in.readLine();
                try {
                    app.mamori.vault.crypto.VaultKey.requireUsable(line);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage(), e);
                }
                passphrase = Optional.of(line);
            }
            ctx().services().offsite().addVault(v, secret, passphrase);
            out().println("added vault " + name + " at " + v.describe());
            if (v.locked()) {
                out().println("every copy in it is locked for " + v.objectLockDays() + " days after it is made: until"
                        + " then the offsite retention keeps it, and the bucket refuses to delete it to anyone");
            }
            if (encrypt) {
                out().println("keep the passphrase, the bucket, the endpoint and the region somewhere safe away from"
                        + " the office: with them alone the backups can be restored; without the passphrase, never");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List vaults.")
    static final class ListVaults extends Base {
        @Override
        int run() {
            for (Vault v : ctx().services().vaults().list()) {
                out().println(v.name() + "\t" + v.server().map(s -> s + ":").orElse("") + v.path());
            }
            for (ObjectVault v : ctx().services().offsite().vaults()) {
                out().println(v.name() + "\t" + v.describe());
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a vault no job uses; the backups in its folder or bucket stay there.")
    static final class Remove extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run() throws IOException {
            if (ctx().services().offsite().findVault(name).isPresent()) {
                ctx().services().offsite().removeVault(name);
                out().println("removed vault " + name + " and its keys from the secret store (the bucket and the copies"
                        + " in it are left as they are)");
                return 0;
            }
            ctx().services().vaults().remove(name);
            out().println("removed vault " + name + " (its folder and backups are left as they are)");
            return 0;
        }
    }
}
