package io.paperpulse.cli.reset;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.kafka.KafkaOptions;
import io.paperpulse.streams.app.StreamsAppConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Resets the streams application so the next start reprocesses all input from scratch (after a taxonomy change,
 * for instance). Destructive, so it only acts with {@code --yes}; without it, it prints what it would delete and
 * exits 2. Run it on every machine that ran an instance, or wipe their state directories: local state elsewhere
 * is out of reach, and a stale one would be restored over the fresh start.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Reset the streams application: delete its group (committed offsets), its internal",
                "changelog/repartition topics and its local state, so the next start reprocesses the input.",
                "Every instance must be stopped. Asks for --yes; output topics are kept."})
public final class ResetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = StreamsAppConfig.DEFAULT_APPLICATION_ID,
            description = "Application id of the streams application to reset (default: ${DEFAULT-VALUE}).")
    private String applicationId;

    // Same default as the streams command, so a reset on the machine that ran it finds its state.
    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "data/streams-state",
            description = "State directory the streams application used; <DIR>/<application-id> is deleted "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--yes", description = "Confirm: really delete. Without it the command only lists what it would delete.")
    private boolean confirmed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Admin admin = Admin.create(kafka.kafkaClientProperties())) {
            ApplicationReset reset = new ApplicationReset(admin);
            ResetPlan plan = reset.plan(applicationId, stateDir);
            if (plan.applicationRunning()) {
                err.println("reset: application '" + applicationId + "' is running (group state "
                        + plan.group().orElseThrow().state() + "); stop every instance first. An instance that "
                        + "was just stopped stays a member until its session times out (45 s by default).");
                err.flush();
                return ExitCodes.FAILURE;
            }
            if (plan.nothingToDo()) {
                out.println("nothing to reset for application '" + applicationId + "'");
                out.flush();
                return ExitCodes.OK;
            }
            if (!confirmed) {
                err.println("reset: refusing to delete without --yes. It would:");
                plan.actions().forEach(action -> err.println("  " + action));
                err.flush();
                return ExitCodes.USAGE;
            }
            reset.execute(plan);
            plan.actions().forEach(action -> out.println("done: " + action));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
