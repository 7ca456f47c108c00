package io.paperpulse.cli.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Follows the live ranking of a running {@code streams} or {@code demo} instance over its
 * Server-Sent Events stream and redraws it in the terminal on every update, with arrows for rank
 * changes. Reconnects when the instance restarts.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Show the live trending ranking of a running paperpulse instance in the terminal.")
public final class WatchCommand implements Callable<Integer> {

    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "Base URL of a streams or demo instance's HTTP API (default: ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--granularity", paramLabel = "G", defaultValue = "week",
            description = "day, week, month or year (default: ${DEFAULT-VALUE}).")
    private String granularity;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "15",
            description = "Tags shown (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--updates", paramLabel = "N", defaultValue = "0",
            description = "Exit after N updates; 0 runs until interrupted (default: ${DEFAULT-VALUE}).")
    private int updates;

    @Option(names = "--no-clear",
            description = "Print each update below the previous one instead of redrawing the screen.")
    private boolean noClear;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI stream = streamUri();
        // redraw in place only on a terminal; piped output gets one block per update
        boolean redraw = !noClear && System.console() != null;
        RankingBoard board = new RankingBoard(limit);
        int[] shown = {0};
        Duration backoff = Duration.ofSeconds(1);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (updates == 0 || shown[0] < updates) {
            try {
                HttpResponse<Stream<String>> response = client.send(
                        HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    err.println("watch: " + stream + " answered " + response.statusCode() + "; retrying");
                    err.flush();
                    response.body().close();
                } else {
                    backoff = Duration.ofSeconds(1);
                    if (follow(response.body(), board, out, redraw, shown)) {
                        return ExitCodes.OK;
                    }
                }
            } catch (IOException e) {
                err.println("watch: cannot reach " + url + " (" + e.getClass().getSimpleName() + "); retrying in "
                        + backoff.toSeconds() + " s");
                err.flush();
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        return ExitCodes.OK;
    }

    /** Draws each ranking of the stream; true once the requested number of updates was shown. */
    private boolean follow(Stream<String> lines, RankingBoard board, PrintWriter out, boolean redraw, int[] shown) {
        boolean[] done = {false};
        ServerSentEvents events = new ServerSentEvents(event -> {
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
                spec.commandLine().getErr().println("watch: ignoring an unreadable update: " + e.getOriginalMessage());
            }
        });
        try (lines) {
            Iterator<String> it = lines.iterator();
            while (!done[0] && it.hasNext()) {
                events.accept(it.next());
            }
        }
        return done[0];
    }

    private URI streamUri() {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return URI.create(base + "/api/trending/stream?granularity="
                + URLEncoder.encode(granularity, StandardCharsets.UTF_8));
    }
}
