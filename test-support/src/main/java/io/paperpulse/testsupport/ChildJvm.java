package io.paperpulse.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code paperpulse} subcommands in a separate JVM on this test's class path, so a test can
 * kill them with SIGKILL ({@link Process#destroyForcibly()}) like a crashed machine would, with no
 * shutdown hook or finally block running. Output goes to a log file for post-mortems.
 */
public final class ChildJvm {

  private static final String MAIN = "io.paperpulse.cli.PaperPulse";

  private static String snapshot;

  private ChildJvm() {}

  /** Starts {@code paperpulse <args>}; stdout and stderr are appended to {@code log}. */
  public static Process start(Path log, List<String> args) throws IOException {
    return start(log, List.of(), args);
  }

  /** Starts {@code paperpulse <args>} with extra JVM options (system properties, say). */
  public static Process start(Path log, List<String> jvmOptions, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath());
    command.add(MAIN);
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /**
   * This JVM's class path, with the project's own jars copied aside first: a restarted child must
   * run the same code as the one it replaces even if the local repository is reinstalled meanwhile.
   */
  private static synchronized String classPath() throws IOException {
    if (snapshot == null) {
      Path dir = Files.createDirectories(Path.of("target", "child-classpath"));
      List<String> entries = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path path = Path.of(entry);
        if (path.getFileName().toString().startsWith("paperpulse-") && Files.isRegularFile(path)) {
          Path copy = dir.resolve(path.getFileName());
          Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
          entries.add(copy.toAbsolutePath().toString());
        } else {
          entries.add(entry);
        }
      }
      snapshot = String.join(File.pathSeparator, entries);
    }
    return snapshot;
  }

  /** SIGKILL, then waits until the process is gone. */
  public static void kill(Process process) throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM (clean shutdown through the command's hook), then waits. */
  public static int stop(Process process) throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  /** How a process ended after SIGTERM: its exit code and the time from the signal to its exit. */
  public record Terminated(int exitCode, Duration took) {}

  /**
   * SIGTERM, then waits up to {@code patience} for the exit; a process still running then is killed
   * with SIGKILL and reported with exit code -1 so that the test fails on it rather than hangs.
   */
  public static Terminated terminate(Process process, Duration patience)
      throws InterruptedException {
    long signalled = System.nanoTime();
    process.destroy();
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      kill(process);
      return new Terminated(-1, Duration.ofNanos(System.nanoTime() - signalled));
    }
    return new Terminated(process.exitValue(), Duration.ofNanos(System.nanoTime() - signalled));
  }
}
