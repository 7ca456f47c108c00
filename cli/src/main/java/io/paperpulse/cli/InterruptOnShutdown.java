package io.paperpulse.cli;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs blocking work on the calling thread so that Ctrl-C interrupts it: work that stops cleanly on interrupt
 * (ending a transaction, reporting what was sent) gets a grace period to do so before the JVM exits.
 */
public final class InterruptOnShutdown {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private InterruptOnShutdown() {
    }

    public static <T> T run(String hookThreadName, Supplier<T> work) {
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                worker.join(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, hookThreadName);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException jvmAlreadyShuttingDown) {
                // The hook is running: it is what stopped the work.
            }
        }
    }
}
