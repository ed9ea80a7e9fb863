package app.mamori;

import app.mamori.cli.MamoriCommand;

/**
 * Entry point. With no arguments (or only {@code --home DIR} and {@code --lang ja|en}, see
 * {@link AppArgs}) it opens the desktop app,
 * otherwise it is the CLI. It does not extend {@code Application}: JavaFX on the class path
 * needs a launcher class that does not.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        app.mamori.util.StartTrace.mark("main");
        // exit, not return: the tray's AWT threads would keep the process (and its icon) alive
        System.exit(opensApp(args) ? app.mamori.ui.MamoriApp.launchApp(args) : MamoriCommand.run(args));
    }

    static boolean opensApp(String[] args) {
        return AppArgs.parse(args).isPresent();
    }
}
