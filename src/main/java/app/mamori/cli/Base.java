package app.mamori.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Base of every leaf command: reaches the shared context and the output streams. */
abstract class Base implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;

    CliContext ctx() {
        return ((MamoriCommand) spec.root().userObject()).context();
    }

    java.io.InputStream stdin() {
        return ((MamoriCommand) spec.root().userObject()).stdin();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A notifier that could not be reached does not change the exit status: the command's own work is what it reports. */
    void warnUndelivered(java.util.List<app.mamori.engine.notify.Notifications.Delivery> deliveries) {
        for (var d : deliveries) {
            if (!d.ok()) {
                err().println("mamori: warning: notifier " + d.notifier() + ": " + d.error().get());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        return run();
    }

    abstract int run() throws Exception;
}
