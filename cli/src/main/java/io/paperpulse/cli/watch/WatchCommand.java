package io.paperpulse.cli.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.StopSignal;
import io.paperpulse.cli.api.ApiClient;
import io.paperpulse.cli.api.ApiUrlOption;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Follows the live ranking of a running {@code streams} or {@code demo} instance over its
 * Server-Sent Events stream and redraws it in the terminal on every update, with arrows for rank
 * changes. Reconnects when the instance restarts. SIGTERM or Ctrl-C closes the stream, prints how
 * many updates were shown and exits 0.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description =
        "Show the live trending ranking of a running paperpulse instance in the terminal.")
public final class WatchCommand implements Callable<Integer> {

  private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  /** How often a quiet stream looks for a stop request: well inside the 2 s a stop may take. */
  private static final Duration STOP_CHECK = Duration.ofMillis(100);

  @Spec private CommandSpec spec;

  @Mixin private ApiUrlOption apiUrl;

  @Option(
      names = "--granularity",
      paramLabel = "G",
      defaultValue = "week",
      description = "day, week, month or year (default: ${DEFAULT-VALUE}).")
  private String granularity;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "15",
      description = "Tags shown (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--updates",
      paramLabel = "N",
      defaultValue = "0",
      description = "Exit after N updates; 0 runs until interrupted (default: ${DEFAULT-VALUE}).")
  private int updates;

  @Option(
      names = "--no-clear",
      description = "Print each update below the previous one instead of redrawing the screen.")
  private boolean noClear;

  private final ObjectMapper json = new ObjectMapper();
  private final StopSignal stop = new StopSignal();

  /** How one connection to the event stream ended. */
  private enum Outcome {
    DONE,
    STOPPED,
    RECONNECT
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ApiClient api = new ApiClient(apiUrl.url());
    URI stream = api.uri("/api/trending/stream", Map.of("granularity", granularity));
    // redraw in place only on a terminal; piped output gets one block per update
    boolean redraw = !noClear && System.console() != null;
    RankingBoard board = new RankingBoard(limit);
    int[] shown = {0};
    Duration backoff = Duration.ofSeconds(1);
    HttpClient client = api.http();
    try (StopSignal signal = stop.watchShutdown()) {
      while ((updates == 0 || shown[0] < updates) && !signal.isRequested()) {
        Outcome outcome = follow(client, stream, board, redraw, shown, signal, backoff);
        if (outcome == Outcome.DONE) {
          return ExitCodes.OK;
        }
        if (outcome == Outcome.STOPPED || signal.await(backoff)) {
          break;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
      if (signal.isRequested()) {
        err.println("watch: stopped after " + shown[0] + (shown[0] == 1 ? " update" : " updates"));
        err.flush();
      }
    }
    return ExitCodes.OK;
  }

  /** Asks a running {@link #call()} to stop and waits until it has. */
  public void stopAndAwait() {
    stop.requestAndAwaitCleanup();
  }

  /**
   * One connection: draws each ranking of the stream until the requested number of updates was
   * shown, the stream ends or fails, or a stop is requested. The lines arrive on the HTTP client's
   * threads and are handed over through a queue, so that this thread can wait for the next one and
   * for a stop request at once; a blocking read of the body could only be ended by closing the
   * stream from another thread.
   */
  private Outcome follow(
      HttpClient client,
      URI stream,
      RankingBoard board,
      boolean redraw,
      int[] shown,
      StopSignal signal,
      Duration backoff)
      throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BlockingQueue<StreamItem> items = new LinkedBlockingQueue<>();
    LineForwarder lines = new LineForwarder(items);
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(
            HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET().build(),
            info -> {
              items.add(new StreamItem.Status(info.statusCode()));
              return info.statusCode() == 200
                  ? HttpResponse.BodySubscribers.fromLineSubscriber(lines)
                  : HttpResponse.BodySubscribers.discarding();
            });
    exchange.whenComplete((response, failure) -> items.add(new StreamItem.Ended(failure)));
    boolean[] done = {false};
    ServerSentEvents events =
        new ServerSentEvents(
            event -> {
              if (!"trending".equals(event.name())) {
                return;
              }
              try {
                List<String> view = board.render(json.readTree(event.data()));
                out.print(redraw ? CLEAR_SCREEN : (shown[0] == 0 ? "" : System.lineSeparator()));
                view.forEach(out::println);
                out.flush();
                shown[0]++;
                done[0] = updates > 0 && shown[0] >= updates;
              } catch (JsonProcessingException e) {
                err.println("watch: ignoring an unreadable update: " + e.getOriginalMessage());
              }
            });
    try {
      while (!signal.isRequested()) {
        StreamItem item = items.poll(STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        if (item instanceof StreamItem.Line line) {
          events.accept(line.text());
          if (done[0]) {
            return Outcome.DONE;
          }
        } else if (item instanceof StreamItem.Status status && status.code() != 200) {
          err.println("watch: " + stream + " answered " + status.code() + "; retrying");
          err.flush();
        } else if (item instanceof StreamItem.Ended ended) {
          if (ended.failure() != null) {
            Throwable cause =
                ended.failure() instanceof CompletionException && ended.failure().getCause() != null
                    ? ended.failure().getCause()
                    : ended.failure();
            err.println(
                "watch: cannot reach "
                    + apiUrl.url()
                    + " ("
                    + cause.getClass().getSimpleName()
                    + "); retrying in "
                    + backoff.toSeconds()
                    + " s");
            err.flush();
          }
          return Outcome.RECONNECT;
        }
      }
      return Outcome.STOPPED;
    } finally {
      lines.cancel();
      exchange.cancel(true);
    }
  }

  /** What the HTTP client hands to the watching thread. */
  private sealed interface StreamItem {
    record Status(int code) implements StreamItem {}

    record Line(String text) implements StreamItem {}

    /** The exchange is over: the stream ended, or {@code failure} says why it could not go on. */
    record Ended(Throwable failure) implements StreamItem {}
  }

  /**
   * Queues the body's lines as they arrive; {@link #cancel()} closes the stream from the watching
   * thread.
   */
  private static final class LineForwarder implements Flow.Subscriber<String> {
    private final BlockingQueue<StreamItem> items;
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    LineForwarder(BlockingQueue<StreamItem> items) {
      this.items = items;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription.complete(subscription);
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      items.add(new StreamItem.Line(line));
    }

    @Override
    public void onError(Throwable failure) {
      // The exchange's future fails with the same error; that is what reports it.
    }

    @Override
    public void onComplete() {
      // Likewise reported by the exchange's future, after the last line.
    }

    void cancel() {
      subscription.thenAccept(Flow.Subscription::cancel);
    }
  }
}
