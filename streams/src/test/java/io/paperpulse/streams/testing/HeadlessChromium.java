package io.paperpulse.streams.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven over the DevTools protocol: load a page, wait until its DOM
 * shows what the test expects, take screenshots.
 *
 * <p>The DevTools protocol rather than {@code --dump-dom --virtual-time-budget}: Chromium stops
 * virtual time while a fetch is pending, and the dashboard's EventSource is a fetch that never
 * ends, so the budget would never elapse. Here the page runs in real time, live updates included,
 * and the test waits for a condition instead of a fixed budget.
 *
 * <p>CI installs the browser, so there a missing browser fails the test; on a developer machine
 * without it the test is skipped with the reason shown.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending;
  private final AtomicInteger ids = new AtomicInteger();

  private HeadlessChromium(
      Process process, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> pending) {
    this.process = process;
    this.socket = socket;
    this.pending = pending;
  }

  /**
   * Starts the browser named by $CHROMIUM or /usr/bin/chromium with a fresh profile under {@code
   * scratch}; fails in CI and skips elsewhere when it is absent.
   */
  public static HeadlessChromium start(Path scratch) throws IOException, InterruptedException {
    String configured = System.getenv("CHROMIUM");
    Path binary = configured == null || configured.isBlank() ? DEFAULT_BINARY : Path.of(configured);
    if (!Files.isExecutable(binary)) {
      String reason =
          "headless Chromium not found at "
              + binary
              + " (apt-get install chromium, or set CHROMIUM)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason);
      }
      Assumptions.abort(reason);
    }
    Path profile = Files.createTempDirectory(scratch, "chromium-profile");
    Process process =
        new ProcessBuilder(
                List.of(
                    binary.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    "--user-data-dir=" + profile,
                    "--remote-debugging-port=0",
                    "about:blank"))
            .redirectErrorStream(true)
            .start();
    try {
      URI browser = URI.create(awaitDevToolsUrl(process));
      URI page = pageSocket(browser);
      Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(page, new Receiver(pending))
              .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new HeadlessChromium(process, socket, pending);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IOException("cannot start headless chromium: " + e, e);
    }
  }

  private static String awaitDevToolsUrl(Process process) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = output.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        // keep draining the browser's output so it never blocks on a full pipe
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> {}), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        return matcher.group(1);
      }
    }
    throw new IOException("chromium exited before DevTools was ready:\n" + seen);
  }

  private static URI pageSocket(URI browser) throws IOException, InterruptedException {
    URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(list).GET().build(), HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : JSON.readTree(response.body())) {
      if ("page".equals(target.path("type").asText())) {
        return URI.create(target.get("webSocketDebuggerUrl").asText());
      }
    }
    throw new IOException("no page target in " + response.body());
  }

  /** Sets the viewport, as on a laptop or a phone. */
  public void viewport(int width, int height, boolean mobile) throws Exception {
    ObjectNode params =
        JSON.createObjectNode()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", mobile);
    call("Emulation.setDeviceMetricsOverride", params);
  }

  public void open(String url) throws Exception {
    call("Page.navigate", JSON.createObjectNode().put("url", url));
  }

  /** The page's current DOM as HTML. */
  public String dom() throws Exception {
    JsonNode result =
        call(
            "Runtime.evaluate",
            JSON.createObjectNode()
                .put("expression", "document.documentElement.outerHTML")
                .put("returnByValue", true));
    return result.path("result").path("value").asText("");
  }

  /**
   * Runs {@code expression} in the page (a click, a value change) and returns its value as text.
   */
  public String evaluate(String expression) throws Exception {
    JsonNode result =
        call(
            "Runtime.evaluate",
            JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IOException("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value").asText("");
  }

  /**
   * Polls the DOM until it satisfies {@code condition}; returns it, or fails with the last DOM
   * seen.
   */
  public String awaitDom(Predicate<String> condition, Duration timeout) throws Exception {
    AtomicReference<String> last = new AtomicReference<>("");
    try {
      return await("page state")
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .pollInSameThread()
          .until(this::dom, dom -> condition.test(last.updateAndGet(previous -> dom)));
    } catch (ConditionTimeoutException e) {
      return fail(
          "the page did not reach the expected state within " + timeout + "; DOM:\n" + last);
    }
  }

  /** Writes a PNG of the viewport. */
  public void screenshot(Path png) throws Exception {
    JsonNode result = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(result.get("data").asText()));
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket
        .sendText(JSON.writeValueAsString(message), true)
        .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode reply = answer.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IOException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Collects DevTools replies (possibly split over frames) and hands each to its caller. */
  private static final class Receiver implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final Map<Integer, CompletableFuture<JsonNode>> pending;

    Receiver(Map<Integer, CompletableFuture<JsonNode>> pending) {
      this.pending = pending;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          CompletableFuture<JsonNode> waiting =
              message.has("id") ? pending.remove(message.get("id").asInt()) : null;
          if (waiting != null) {
            waiting.complete(message);
          }
        } catch (IOException e) {
          // not a reply we wait for
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
