package io.paperpulse.streams.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.alerts.AlertsQueries;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.papers.TopPapersQueries;
import io.paperpulse.streams.topology.StoreNames;
import io.paperpulse.streams.trending.TrendingQueries;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries over every instance of the application. A keyed question (one bucket's
 * ranking, one paper) goes to the instance that hosts the key's partition; a question whose keys
 * are spread over partitions (a tag's history, the latest bucket) is asked of every hosting
 * instance and the parts are merged. Each part is answered from active, running stores only, and a
 * missing part makes the whole answer {@link Answer.Unavailable}: never a partial answer presented
 * as complete.
 *
 * <p>{@code localOnly} answers are the parts: what this instance's own stores hold. They are what
 * other instances request with {@link PeerClient#FORWARDED_HEADER}.
 */
public final class ClusterQueries {

  /** Counter of requests this instance sent to another one, tagged by endpoint. */
  public static final String FORWARDED_METRIC = "paperpulse.api.forwarded";

  /** {@code servedBy} of answers from this instance's stores. */
  public static final String LOCAL = "local";

  private static final Logger log = LoggerFactory.getLogger(ClusterQueries.class);

  private final Supplier<PaperPulseStreamsApp> app;
  private final PeerClient peers;
  private final MeterRegistry meters;

  /**
   * @param app the started application, or null before; an application without {@code
   *     application.server} is a lone instance and answers everything from its own stores
   */
  public ClusterQueries(
      Supplier<PaperPulseStreamsApp> app, PeerClient peers, MeterRegistry meters) {
    this.app = app;
    this.peers = peers;
    this.meters = meters;
  }

  /** The ranking of the bucket containing {@code day}. */
  public Answer<TrendingView> trending(Granularity granularity, LocalDate day, boolean localOnly) {
    LocalDate bucket = granularity.bucketStart(day);
    return keyed(
        "trending",
        StoreNames.TRENDING_RANKINGS,
        new TrendingKey(granularity.label(), bucket),
        started -> started.serdes().key(TrendingKey.class).serializer(),
        "/api/trending?granularity=" + granularity.label() + "&bucket=" + bucket,
        TrendingView.class,
        localOnly,
        queries -> queries.trending(granularity, bucket).map(TrendingView::of),
        "no ranking for the " + granularity.label() + " starting " + bucket);
  }

  /** The ranking of the most recent bucket of the granularity, over all instances. */
  public Answer<TrendingView> latest(Granularity granularity, boolean localOnly) {
    String missing = "no " + granularity.label() + " ranking yet";
    Answer<TrendingView> local =
        local(queries -> queries.latest(granularity).map(TrendingView::of), missing);
    if (localOnly || self() == null) {
      return local;
    }
    return scatter(
        StoreNames.TRENDING_RANKINGS,
        local,
        "/api/trending?granularity=" + granularity.label(),
        TrendingView.class,
        "trending-latest",
        parts ->
            parts.stream()
                .max((a, b) -> a.bucketStart().compareTo(b.bucketStart()))
                .<Answer<TrendingView>>map(view -> new Answer.Found<>(view, LOCAL))
                .orElseGet(() -> new Answer.Missing<>(missing)));
  }

  /** The tag's counts over time, oldest bucket first; an empty list when it has no paper. */
  public Answer<TagHistoryView> tagHistory(String tag, Granularity granularity, boolean localOnly) {
    Answer<TagHistoryView> local =
        local(
            queries ->
                Optional.of(
                    TagHistoryView.of(
                        tag, granularity.label(), queries.tagHistory(tag, granularity))),
            "");
    if (localOnly || self() == null) {
      return local;
    }
    return scatter(
        StoreNames.BUCKET_COUNTS,
        local,
        "/api/tags/" + pathSegment(tag) + "?granularity=" + granularity.label(),
        TagHistoryView.class,
        "tag-history",
        parts -> new Answer.Found<>(TagHistoryView.merge(tag, granularity.label(), parts), LOCAL));
  }

  /** A paper with its tags. */
  public Answer<PaperView> paper(String id, boolean localOnly) {
    return keyed(
        "paper",
        StoreNames.PAPER_TAGS,
        id,
        started -> started.serdes().stringKey().serializer(),
        "/api/papers/" + pathSegment(id),
        PaperView.class,
        localOnly,
        queries -> queries.paper(id).map(PaperView::of),
        "no paper with id '" + id + "'");
  }

  /**
   * The top papers of the bucket containing {@code day} (the bucket of the latest ranking when
   * null), only those tagged {@code tag} when given, at most {@code limit}. Papers are spread over
   * the partitions of papers, so every hosting instance is asked for its part.
   */
  public Answer<TopPapersView> topPapers(
      Granularity granularity, LocalDate day, String tag, int limit, boolean localOnly) {
    if (day == null) {
      // the latest bucket with papers is the latest ranking: one question to every instance, then
      // the bucket
      Answer<TrendingView> latest = latest(granularity, localOnly);
      if (!(latest instanceof Answer.Found<TrendingView> found)) {
        return latest instanceof Answer.Unavailable<TrendingView> unavailable
            ? new Answer.Unavailable<>(unavailable.reason())
            : new Answer.Missing<>("no " + granularity.label() + " with papers yet");
      }
      return topPapers(
          granularity, LocalDate.parse(found.value().bucketStart()), tag, limit, localOnly);
    }
    LocalDate bucket = granularity.bucketStart(day);
    String missing =
        "no papers"
            + (tag == null ? "" : " tagged '" + tag + "'")
            + " in the "
            + granularity.label()
            + " starting "
            + bucket;
    Answer<TopPapersView> local =
        localApp(
            started ->
                Optional.of(
                        TopPapersView.of(
                            granularity,
                            bucket,
                            tag,
                            new TopPapersQueries(started.streams())
                                .bucket(granularity, bucket, tag, limit)))
                    .filter(view -> !view.papers().isEmpty()),
            missing);
    Function<List<TopPapersView>, Answer<TopPapersView>> merge =
        parts ->
            parts.isEmpty()
                ? new Answer.Missing<>(missing)
                : new Answer.Found<>(TopPapersView.merge(parts, limit), LOCAL);
    if (localOnly || self() == null) {
      return local instanceof Answer.Found<TopPapersView> found
          ? merge.apply(List.of(found.value()))
          : local;
    }
    String query =
        "/api/papers?granularity="
            + granularity.label()
            + "&bucket="
            + bucket
            + (tag == null ? "" : "&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))
            + "&limit="
            + limit;
    return scatter(StoreNames.PAPER_RANKS, local, query, TopPapersView.class, "top-papers", merge);
  }

  /**
   * The alerts raised in the bucket containing {@code day} (the latest bucket with alerts when
   * null), highest score first, at most {@code limit}. Alerts live with the counts, spread over
   * partitions by tag, so every hosting instance is asked for its part.
   */
  public Answer<AlertsView> alerts(
      Granularity granularity, LocalDate day, int limit, boolean localOnly) {
    String missing =
        "no alerts in "
            + (day == null
                ? "any " + granularity.label()
                : "the " + granularity.label() + " starting " + granularity.bucketStart(day));
    Answer<AlertsView> local =
        localApp(
            started -> {
              AlertsQueries alerts = new AlertsQueries(started.streams());
              return (day == null
                      ? alerts.latestBucket(granularity)
                      : Optional.of(granularity.bucketStart(day)))
                  .map(
                      bucket ->
                          AlertsView.of(granularity, bucket, alerts.bucket(granularity, bucket)))
                  .filter(view -> !view.alerts().isEmpty());
            },
            missing);
    Function<List<AlertsView>, Answer<AlertsView>> merge =
        parts ->
            parts.isEmpty()
                ? new Answer.Missing<>(missing)
                : new Answer.Found<>(AlertsView.merge(parts, limit), LOCAL);
    if (localOnly || self() == null) {
      return local instanceof Answer.Found<AlertsView> found
          ? merge.apply(List.of(found.value()))
          : local;
    }
    String query =
        "/api/alerts?granularity="
            + granularity.label()
            + (day == null ? "" : "&bucket=" + granularity.bucketStart(day))
            + "&limit="
            + limit;
    return scatter(StoreNames.TREND_ALERTS, local, query, AlertsView.class, "alerts", merge);
  }

  /** This instance's {@code application.server}, or null when it has none (or no app yet). */
  private HostInfo self() {
    PaperPulseStreamsApp started = app.get();
    String server = started == null ? null : started.config().applicationServer();
    return server == null ? null : HostInfo.buildFromEndpoint(server);
  }

  /** Why the application cannot answer now, if it cannot. */
  private Optional<String> notRunning() {
    PaperPulseStreamsApp started = app.get();
    if (started == null) {
      return Optional.of("the application is starting");
    }
    KafkaStreams.State state = started.state();
    return state == KafkaStreams.State.RUNNING
        ? Optional.empty()
        : Optional.of("the application is " + state + ", not RUNNING");
  }

  private <T> Answer<T> local(Function<TrendingQueries, Optional<T>> query, String missing) {
    return localApp(started -> query.apply(started.queries()), missing);
  }

  private <T> Answer<T> localApp(
      Function<PaperPulseStreamsApp, Optional<T>> query, String missing) {
    Optional<String> notRunning = notRunning();
    if (notRunning.isPresent()) {
      return new Answer.Unavailable<>(notRunning.get());
    }
    try {
      return query
          .apply(app.get())
          .<Answer<T>>map(value -> new Answer.Found<>(value, LOCAL))
          .orElseGet(() -> new Answer.Missing<>(missing));
    } catch (InvalidStateStoreException e) {
      // a store migrating or restoring: its contents are not (yet) the truth
      return new Answer.Unavailable<>("state store not queryable: " + e.getMessage());
    }
  }

  private <K, T> Answer<T> keyed(
      String endpoint,
      String store,
      K key,
      Function<PaperPulseStreamsApp, Serializer<K>> serializer,
      String pathAndQuery,
      Class<T> type,
      boolean localOnly,
      Function<TrendingQueries, Optional<T>> query,
      String missing) {
    Optional<String> notRunning = notRunning();
    if (notRunning.isPresent()) {
      return new Answer.Unavailable<>(notRunning.get());
    }
    HostInfo self = self();
    if (self == null) {
      return local(query, missing);
    }
    PaperPulseStreamsApp started = app.get();
    KeyQueryMetadata owner =
        started.streams().queryMetadataForKey(store, key, serializer.apply(started));
    if (owner == null
        || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)
        || isUnavailable(owner.activeHost())) {
      return new Answer.Unavailable<>("no instance hosts " + store + " for this key right now");
    }
    if (owner.activeHost().equals(self)) {
      return local(query, missing);
    }
    if (localOnly) {
      // the sender thought we host the key: the assignment is changing under us
      return new Answer.Unavailable<>(
          "partition "
              + owner.partition()
              + " of "
              + store
              + " is moving to "
              + owner.activeHost().host()
              + ":"
              + owner.activeHost().port());
    }
    countForward(endpoint, owner.activeHost(), pathAndQuery);
    return peers.get(self, owner.activeHost(), pathAndQuery, type).join();
  }

  private <T> Answer<T> scatter(
      String store,
      Answer<T> local,
      String pathAndQuery,
      Class<T> type,
      String endpoint,
      Function<List<T>, Answer<T>> merge) {
    if (local instanceof Answer.Unavailable<T> unavailable) {
      return unavailable;
    }
    HostInfo self = self();
    Collection<StreamsMetadata> hosts = app.get().streams().streamsMetadataForStore(store);
    List<CompletableFuture<Answer<T>>> pending = new ArrayList<>();
    for (StreamsMetadata host : hosts) {
      if (isUnavailable(host.hostInfo())) {
        return new Answer.Unavailable<>("an instance hosting " + store + " has no known address");
      }
      if (host.hostInfo().equals(self)) {
        pending.add(CompletableFuture.completedFuture(local));
      } else {
        countForward(endpoint, host.hostInfo(), pathAndQuery);
        pending.add(peers.get(self, host.hostInfo(), pathAndQuery, type));
      }
    }
    if (pending.isEmpty()) {
      return new Answer.Unavailable<>("no instance hosts " + store + " yet");
    }
    List<T> parts = new ArrayList<>();
    for (CompletableFuture<Answer<T>> part : pending) {
      Answer<T> answer = part.join();
      if (answer instanceof Answer.Found<T> found) {
        parts.add(found.value());
      } else if (answer instanceof Answer.Unavailable<T> || answer instanceof Answer.Invalid<T>) {
        return answer;
      }
      // Missing: that instance holds nothing for the request, which is a valid part
    }
    return merge.apply(parts);
  }

  private void countForward(String endpoint, HostInfo target, String pathAndQuery) {
    meters.counter(FORWARDED_METRIC, "endpoint", endpoint).increment();
    log.debug("forwarding {} to {}:{}", pathAndQuery, target.host(), target.port());
  }

  private static boolean isUnavailable(HostInfo host) {
    return host == null || HostInfo.unavailable().equals(host);
  }

  private static String pathSegment(String text) {
    // URLEncoder encodes for forms; in a path a space is %20, not '+'
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
