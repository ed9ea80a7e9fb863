package app.mamori.cli;

import app.mamori.catalog.RunbookStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code mamori contacts set|list}: who the runbook says to call. */
@Command(name = "contacts", description = "Who to call on a bad day, printed in the runbook",
        subcommands = {ContactsCommands.Set.class, ContactsCommands.ListContacts.class})
final class ContactsCommands {

    @Command(name = "set", description = {"Replace the contacts, one argument each: 'NAME;ROLE;PHONE;E-MAIL' (only the",
            "name is required). Example: mamori contacts set 'Aiko Sato;IT;+81 3 1234 5678;aiko@example.jp'",
            "With no argument, removes them all."})
    static final class Set extends Base {
        @Parameters(arity = "0..*", paramLabel = "CONTACT")
        List<String> contacts = new ArrayList<>();

        @Override
        int run() {
            List<RunbookStore.Contact> parsed = new ArrayList<>();
            for (String c : contacts) {
                String[] f = c.split(";", -1);
                if (f.length > 4) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "CONTACT: '" + c + "' has "
                            + f.length + " fields; write NAME;ROLE;PHONE;E-MAIL (leave a field empty, not out)");
                }
                try {
                    parsed.add(new RunbookStore.Contact(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "",
                            f.length > 3 ? f[3] : ""));
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "CONTACT: '" + c
                            + "' has no name; write NAME;ROLE;PHONE;E-MAIL", e);
                }
            }
            ctx().services().runbook().setContacts(parsed);
            out().println(parsed.size() + " contact(s) set");
            return 0;
        }
    }

    @Command(name = "list", description = "List the contacts.")
    static final class ListContacts extends Base {
        @Override
        int run() {
            for (RunbookStore.Contact c : ctx().services().runbook().contacts()) {
                out().println(c.name() + "\t" + c.role() + "\t" + c.phone() + "\t" + c.email());
            }
            return 0;
        }
    }
}
