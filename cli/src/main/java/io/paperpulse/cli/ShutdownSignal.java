package io.paperpulse.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for commands that run until interrupted. The JVM shutdown hook only asks the command to stop and then
 * waits for it to finish cleaning up (closing Kafka Streams, the embedded cluster, temporary files), because the
 * JVM halts as soon as the hook returns. Closing the signal marks the cleanup as done and removes the hook.
 */
public final class ShutdownSignal implements AutoCloseable {

    /** Longest a Ctrl-C waits for cleanup; a hung close must not keep the process alive forever. */
    private static final Duration CLEANUP_GRACE = Duration.ofSeconds(60);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;

    /**
     * A signal released by {@link #requestAndAwaitCleanup()}, and by the JVM's shutdown (Ctrl-C, SIGTERM) once
     * {@link #installHook()} is called. Commands create it with the command object, so a stop request that
     * arrives before the command runs is not lost.
     */
    public ShutdownSignal(String hookThreadName) {
        this.hook = new Thread(this::requestAndAwaitCleanup, hookThreadName);
    }

    /** Registers the JVM shutdown hook; returns this signal for try-with-resources. */
    public ShutdownSignal installHook() {
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    /** Waits up to {@code timeout} for a stop request; true when one came. */
    public boolean awaitRequest(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void awaitRequest() throws InterruptedException {
        requested.await();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Asks the command to stop and waits (bounded) until it has cleaned up. */
    public void requestAndAwaitCleanup() {
        requested.countDown();
        try {
            cleanedUp.await(CLEANUP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called by the command once everything is closed. */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook is running: it is what stopped the command, and it is now released.
        }
    }
}
